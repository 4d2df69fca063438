"""Translations: Chinese (zh_CN) by default, English second, switchable at run time.

Source strings in code are English; assets/translations/<front end>_zh_CN.ts holds the Chinese.
Qt's own strings (dialog buttons) come from qtbase first, as the PySide6 examples do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kiosk.paths import ASSETS

TRANSLATIONS = ASSETS / "translations"
LANGS = ("zh", "en")
_installed: list[QTranslator] = []


def current_lang() -> str:
    """The language `install` set last ("zh" or "en"), for text that comes from data rather
    than from tr(): a topic, a name in brackets."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def bracket(text: str, inner: str) -> str:
    """`text（inner）` in Chinese, `text (inner)` in English: full-width brackets only where
    the surrounding text is Chinese."""
    return f"{text}（{inner}）" if current_lang() == "zh" else f"{text} ({inner})"


def qt_locale(lang: str) -> QLocale:
    return (
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if lang == "zh"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )


def install(app: QCoreApplication, lang: str, catalogs: tuple[str, ...]) -> list[str]:
    """(Re)installs translators for `lang`; returns the catalogs that loaded. Installing sends
    LanguageChange to every widget, so screens retranslate themselves."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(qt_locale(lang))
    loaded: list[str] = []
    if lang != "zh":
        return loaded
    qtbase = QTranslator(app)
    if qtbase.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    for name in ("common", *catalogs):
        tr = QTranslator(app)
        if tr.load(str(TRANSLATIONS / f"{name}_zh_CN.qm")):
            app.installTranslator(tr)
            _installed.append(tr)
            loaded.append(name)
    return loaded
