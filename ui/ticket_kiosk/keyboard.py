"""The on-screen keyboard (Qt Virtual Keyboard) for full-screen kiosks, pinyin first for zh.

Why only full-screen: on a desktop or in tests a physical keyboard exists and the keyboard
window would only get in the way. The input-method plugin is chosen from QT_IM_MODULE when
QApplication starts, so ``enable`` must run before it exists. The keyboard's language is a
setting of its QML singleton; ``KeyboardLocale`` sets it (zh_CN: the pinyin layout, en_US)
through a tiny QML object, since Widgets apps have no QML of their own to do it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QObject, QUrl

log = logging.getLogger(__name__)
MODULE = "qtvirtualkeyboard"
LOCALES = {"zh": "zh_CN", "en": "en_US"}
_QML = b"""import QtQml
import QtQuick.VirtualKeyboard.Settings
QtObject {
    property string wanted: "zh_CN"
    onWantedChanged: VirtualKeyboardSettings.locale = wanted
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = wanted
    }
}
"""


def pinyin_available() -> bool:
    """The pinyin input method ships as a QML plugin beside the keyboard's layouts."""
    qml = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.QmlImportsPath))
    plugins = qml / "QtQuick" / "VirtualKeyboard" / "Plugins" / "Pinyin"
    return plugins.is_dir() and any(plugins.glob("*pinyin*"))


def enable() -> bool:
    """Before QApplication: select the virtual keyboard unless the user chose another IM."""
    if os.environ.get("QT_IM_MODULE") not in (None, "", MODULE):
        return False
    os.environ["QT_IM_MODULE"] = MODULE
    return True


def active() -> bool:
    return os.environ.get("QT_IM_MODULE") == MODULE


class KeyboardLocale(QObject):
    """Keeps the keyboard's language in step with the kiosk's (after QApplication exists)."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtQml import QQmlComponent, QQmlEngine

        if not pinyin_available():
            log.warning("Qt Virtual Keyboard has no pinyin plugin: Chinese input unavailable")
        self._engine = QQmlEngine(self)
        self._component = QQmlComponent(self._engine)
        # a local-file URL makes the component load synchronously
        self._component.setData(_QML, QUrl.fromLocalFile(str(Path(__file__).with_suffix(".qml"))))
        self._settings = self._component.create()
        if self._settings is None:
            log.warning("virtual keyboard settings unavailable: %s", self._component.errorString())
        else:  # ours, not the JavaScript collector's
            QQmlEngine.setObjectOwnership(self._settings, QQmlEngine.ObjectOwnership.CppOwnership)
            self._settings.setParent(self)
        self.set_lang(lang)

    def set_lang(self, lang: str) -> None:
        if self._settings is not None:
            self._settings.setProperty("wanted", LOCALES.get(lang, "zh_CN"))
