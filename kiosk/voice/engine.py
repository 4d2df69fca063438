"""Offline speech (espeak-ng) and playback, behind two small protocols the announcer uses.

Speech: espeak-ng, offline, through the `espeak-ng` binary or pyttsx3's espeak driver (see
EspeakEngine for which and why). Either way the output is a WAV file, never direct playback, so
the announcer can put chime and speech into one clip.

Voice choice: Mandarin prefers espeak-ng's "cmn-latn-pinyin" over "cmn". On espeak-ng 1.51 (Debian
12) "cmn" turns many characters into pinyin and then reads the tone digit in English ("请" comes
out as "qing three"); "cmn-latn-pinyin" reads the same characters correctly, and both read a
single capital letter as its Mandarin letter name ("A" -> "ei"), which is all a ticket needs.

Playback: the first of paplay, aplay, play (sox) found, run to completion; `NullPlayer` on
machines without audio, which only records what it would have played.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from kiosk.voice.audio import wav_duration

logger = logging.getLogger(__name__)

# espeak-ng voice names per language, best first (see the module docstring for why).
VOICE_PREFERENCES: Mapping[str, tuple[str, ...]] = {
    "zh": ("cmn-latn-pinyin", "cmn", "zh-cmn", "zh"),
    "en": ("en-us", "en", "en-gb"),
}
# Words per minute. espeak's default is 175; a little slower is clearer in a large, echoing hall
# and for elderly citizens.
DEFAULT_RATE_WPM = 160
SYNTH_TIMEOUT_S = 20.0


class SynthesisError(RuntimeError):
    """Speech could not be produced for this text (no voice, engine failure, timeout)."""


class PlaybackError(RuntimeError):
    """A clip could not be played to the end."""


class SpeechEngine(Protocol):
    """Turns text into a WAV file."""

    def synthesize(self, text: str, lang: str, path: Path) -> float:
        """Write `text` spoken in `lang` to `path` as a WAV; return its duration in seconds.

        Raises SynthesisError when it cannot.
        """
        ...


class Player(Protocol):
    """Plays a WAV file, returning only when it has finished (or raising PlaybackError)."""

    def play(self, path: Path) -> None: ...


def _call_with_timeout(fn: Callable[[], None], timeout_s: float, what: str) -> None:
    """Run `fn` on a helper thread and give up after `timeout_s`.

    pyttsx3's espeak run loop spins until libespeak reports the end of the message; if that never
    comes the caller would hang forever, and with it every later announcement.
    """
    errors: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            fn()
        except BaseException as exc:  # handed to the caller below
            errors.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name=f"voice-{what}", daemon=True).start()
    if not done.wait(timeout_s):
        raise SynthesisError(f"{what} did not finish within {timeout_s:.0f} s")
    if errors:
        raise SynthesisError(f"{what} failed: {errors[0]!r}") from errors[0]


def _match_voice(candidates: Sequence[str], voices: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The id of the first candidate name found among (id, languages) voices, or ''."""
    for name in candidates:
        for voice_id, languages in voices:
            basename = voice_id.rsplit("/", 1)[-1].lower()
            if name == basename or name in (lang.lower() for lang in languages):
                return voice_id
    return ""


class _Pyttsx3Backend:
    """pyttsx3's espeak driver. One per process: libespeak can be initialised only once."""

    _instance: _Pyttsx3Backend | None = None
    _abandoned: _Pyttsx3Backend | None = None
    _failed = False
    _lock = threading.Lock()  # pyttsx3's engine is process-wide and not thread-safe

    def __init__(self) -> None:
        import pyttsx3
        import pyttsx3.drivers.espeak as driver

        # The driver print()s "Audio saved to ..." on stdout for every file, which would corrupt
        # the CLI's output; send it to the debug log instead (only that module's print).
        setattr(driver, "print", _driver_print)  # noqa: B010 (a module global, not an attribute)
        self._engine: Any = pyttsx3.init("espeak")
        # Commands given before the first runAndWait are queued and run inside it, where the
        # driver ends its loop before libespeak (asynchronous in this mode) has written the file,
        # so the first save_to_file returns early. An empty first run settles the engine into
        # its normal mode, in which runAndWait returns only after the file is written. (That is
        # one of the driver's races; EspeakEngine's docstring has the ones it cannot avoid.)
        self._engine.runAndWait()
        self.voices: list[tuple[str, list[str]]] = [
            (str(v.id), [str(x) for x in (v.languages or [])])
            for v in self._engine.getProperty("voices")
        ]

    @classmethod
    def get(cls) -> _Pyttsx3Backend | None:
        """The process's backend, or None if pyttsx3 is missing or failed before."""
        with cls._lock:
            if cls._instance is None and not cls._failed:
                try:
                    cls._instance = cls()
                except Exception as exc:
                    cls._failed = True
                    logger.info("pyttsx3 unavailable (%r); using the espeak-ng binary", exc)
            return cls._instance

    @classmethod
    def mark_failed(cls) -> None:
        cls._failed = True
        # Keep the engine referenced: libespeak may still call back into it, and a collected
        # pyttsx3 engine turns each late callback into a ReferenceError on stderr.
        cls._abandoned, cls._instance = cls._instance, None

    def synthesize(
        self, text: str, voice_id: str, rate_wpm: int, path: Path, timeout_s: float
    ) -> None:
        def run() -> None:
            self._engine.setProperty("voice", voice_id)
            self._engine.setProperty("rate", rate_wpm)
            self._engine.save_to_file(text, str(path))
            self._engine.runAndWait()

        with self._lock:
            _call_with_timeout(run, timeout_s, "pyttsx3")


def _driver_print(*args: object, **_kwargs: object) -> None:
    logger.debug("pyttsx3: %s", " ".join(str(a) for a in args))


class EspeakEngine:
    """espeak-ng speech to WAV through the `espeak-ng` binary or pyttsx3's espeak driver.

    backend="auto" (default) uses the binary when it is installed and pyttsx3 otherwise;
    "pyttsx3" tries pyttsx3 first and falls back to the binary; "binary" never loads pyttsx3.
    Why the binary first: pyttsx3 2.99's espeak driver collects libespeak's asynchronous
    callbacks racily. Measured here (espeak-ng 1.51) over 60 renders of one call sentence,
    56 differed from the (byte-for-byte deterministic) binary output, two had lost about a
    second of speech and some runs wrote an empty file: exactly the "voice cuts itself off"
    defect this product must not have. The binary costs about 15 ms per sentence, and the
    announcer caches sentences anyway.

    Thread-safe (one synthesis at a time). Once pyttsx3 has failed in this process it is not
    tried again, so a broken driver costs one warning, not one per announcement.
    """

    def __init__(
        self,
        *,
        rate_wpm: int = DEFAULT_RATE_WPM,
        voices: Mapping[str, Sequence[str]] | None = None,
        backend: Literal["auto", "binary", "pyttsx3"] = "auto",
        executable: str | None = None,
        timeout_s: float = SYNTH_TIMEOUT_S,
    ) -> None:
        self.rate_wpm = rate_wpm
        self.voices = {**VOICE_PREFERENCES, **(voices or {})}
        self.executable = executable or shutil.which("espeak-ng") or shutil.which("espeak")
        self.timeout_s = timeout_s
        if backend == "auto":
            backend = "binary" if self.executable else "pyttsx3"
        self.backend = backend
        self.use_pyttsx3 = backend == "pyttsx3"
        self.last_backend = ""  # "pyttsx3" or "espeak-ng": what produced the last WAV
        self._binary_voice: dict[str, str] = {}
        self._lock = threading.Lock()

    def synthesize(self, text: str, lang: str, path: Path) -> float:
        if not text.strip():
            raise SynthesisError("nothing to say")
        candidates = self.voices.get(lang)
        if not candidates:
            raise SynthesisError(f"no voice configured for language {lang!r}")
        path = Path(path)
        with self._lock:
            if self.use_pyttsx3 and self._try_pyttsx3(text, candidates, path):
                self.last_backend = "pyttsx3"
            else:
                self._binary(text, lang, candidates, path)
                self.last_backend = "espeak-ng"
        try:
            duration = wav_duration(path)
        except Exception as exc:
            raise SynthesisError(f"engine wrote no readable WAV: {exc!r}") from exc
        if duration <= 0:
            raise SynthesisError("engine wrote an empty WAV")
        return duration

    def _try_pyttsx3(self, text: str, candidates: Sequence[str], path: Path) -> bool:
        backend = _Pyttsx3Backend.get()
        if backend is None:
            self.use_pyttsx3 = False
            return False
        voice_id = _match_voice(candidates, backend.voices)
        if not voice_id:
            logger.info(
                "pyttsx3 has none of the voices %s; trying the espeak-ng binary", candidates
            )
            return False
        try:
            path.unlink(missing_ok=True)
            backend.synthesize(text, voice_id, self.rate_wpm, path, self.timeout_s)
            if wav_duration(path) > 0:
                return True
            raise SynthesisError("pyttsx3 wrote an empty WAV")
        except Exception as exc:
            logger.warning("pyttsx3 failed (%r); using the espeak-ng binary from now on", exc)
            _Pyttsx3Backend.mark_failed()
            self.use_pyttsx3 = False
            return False

    def _binary(self, text: str, lang: str, candidates: Sequence[str], path: Path) -> None:
        if not self.executable:
            raise SynthesisError("neither pyttsx3 nor an espeak-ng binary is usable")
        known = self._binary_voice.get(lang)
        errors: list[str] = []
        for voice in [known] if known else candidates:
            argv = [self.executable, "-v", voice, "-s", str(self.rate_wpm), "-b", "1"]
            try:
                # Text on stdin: no argument parsing surprises for text starting with "-".
                proc = subprocess.run(
                    [*argv, "-w", str(path)],
                    input=text.encode("utf-8"),
                    capture_output=True,
                    timeout=self.timeout_s,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise SynthesisError(f"espeak-ng failed: {exc!r}") from exc
            if proc.returncode == 0 and path.exists():
                self._binary_voice[lang] = voice
                return
            errors.append(f"{voice}: {proc.stderr.decode(errors='replace').strip()}")
        raise SynthesisError("espeak-ng: " + "; ".join(errors))


def available_engine(**kwargs: Any) -> EspeakEngine | None:
    """An engine that has just spoken a Mandarin test word, or None when there is none.

    `kwargs` go to EspeakEngine. Probing costs one tiny synthesis (milliseconds).
    """
    engine = EspeakEngine(**kwargs)
    with tempfile.TemporaryDirectory(prefix="kiosk-voice-probe-") as tmp:
        try:
            engine.synthesize("一", "zh", Path(tmp) / "probe.wav")
        except SynthesisError as exc:
            logger.debug("no usable speech engine: %s", exc)
            return None
    return engine


def _audio_output_likely() -> bool:
    """False on a Linux host with neither a sound card nor a PulseAudio/PipeWire socket.

    Headless servers and containers often have sox's `play` installed but nowhere to play to;
    every call would then fail after spawning a process. Elsewhere assume there is output.
    """
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("PULSE_SERVER") or Path("/dev/snd").is_dir():
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and (Path(runtime) / "pulse" / "native").exists()


class CommandPlayer:
    """Plays through a command-line player (paplay, aplay, sox's play), blocking until done."""

    CANDIDATES: tuple[tuple[str, ...], ...] = (("paplay",), ("aplay", "-q"), ("play", "-q"))

    def __init__(self, argv: Sequence[str], margin_s: float = 5.0) -> None:
        self.argv = list(argv)
        self.margin_s = margin_s  # a hung player is killed after the clip's length + this

    @classmethod
    def detect(cls) -> CommandPlayer | None:
        """The first player found, or None (also when the machine plainly has no audio output)."""
        if not _audio_output_likely():
            return None
        for argv in cls.CANDIDATES:
            exe = shutil.which(argv[0])
            if exe:
                return cls([exe, *argv[1:]])
        return None

    def play(self, path: Path) -> None:
        timeout = wav_duration(path) + self.margin_s
        try:
            proc = subprocess.run(
                [*self.argv, str(path)], capture_output=True, timeout=timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PlaybackError(f"{self.argv[0]}: {exc!r}") from exc
        if proc.returncode != 0:
            lines = proc.stderr.decode(errors="replace").strip().splitlines()
            last = lines[-1] if lines else ""
            raise PlaybackError(f"{self.argv[0]} exited {proc.returncode}: {last}")


class NullPlayer:
    """Plays nothing and returns at once; remembers what it was given (headless hosts, tests)."""

    def __init__(self) -> None:
        self.played: list[Path] = []
        self.durations: list[float] = []

    def play(self, path: Path) -> None:
        self.played.append(Path(path))
        self.durations.append(wav_duration(path))


def available_player() -> Player:
    """The first command-line player found, else a NullPlayer."""
    return CommandPlayer.detect() or NullPlayer()
