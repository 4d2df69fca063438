"""Card and code readers at the kiosk (docs/readers.md): what they read, as one kind of scan.

Two drivers, one interface (`Reader`): a keyboard-wedge reader types what it read and then
Enter, so the kiosk's key events feed `KeyboardWedge`; a serial reader sends lines (or STX/ETX
frames) on a serial port, read by `SerialReader` on a thread of its own. Both hand each line to
`parse_line`, which says whether it is an ID number, an electronic social security card or a
booking's QR code. Qt-free: the kiosk screen only forwards keys and shows the result.
"""

from kiosk.readers.scan import LineFormat, Reader, Scan, ScanKind, parse_line
from kiosk.readers.wedge import KeyboardWedge

__all__ = ["KeyboardWedge", "LineFormat", "Reader", "Scan", "ScanKind", "parse_line"]
