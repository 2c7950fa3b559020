#!/usr/bin/env python3
"""Write the small image and caption files under fixtures/images/.

Every picture is a flat grey image of the size the fixture articles
declare, encoded by hand with the Python standard library only (no image
library needed), so the files are valid and tiny: a 1200x800 JPEG is under
4 KB. A few files are wrong on purpose, for the image rules: a truncated
JPEG, a PNG named .jpg, a TIFF, an uncompressed 600 KB PNG, a SubRip file
named .vtt. Real photos (with their IPTC/XMP metadata) are copied from
../shared/corpus/images/ by hand; see fixtures/images/LICENSES.md.

    python3 scripts/make_fixture_images.py        # from the repository root

The output is deterministic: rerunning it rewrites the same bytes.
"""

import os
import struct
import sys
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "images")


# --- JPEG ---------------------------------------------------------------

def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def exif_orientation(orientation):
    """APP1 with a minimal EXIF block: IFD0 holding only Orientation."""
    tiff = b"II*\x00" + struct.pack("<I", 8)
    tiff += struct.pack("<H", 1)  # one entry
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff += struct.pack("<I", 0)  # no next IFD
    return segment(0xE1, b"Exif\x00\x00" + tiff)


def iptc(fields):
    """APP13 Photoshop resource 0x0404 holding IPTC-IIM record 2 datasets."""
    iim = b"\x1c\x01\x5a\x00\x03\x1b%G"  # coded character set: UTF-8
    iim += b"\x1c\x02\x00\x00\x02\x00\x04"  # record version
    for dataset, value in fields:
        data = value.encode("utf-8")
        iim += bytes([0x1C, 2, dataset]) + struct.pack(">H", len(data)) + data
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    return segment(0xED, b"Photoshop 3.0\x00" + resource)


def jpeg(width, height, orientation=None, iim=None):
    """A baseline greyscale JPEG of mid grey.

    Every 8x8 block has a DC difference of 0 and no AC coefficients. With
    Huffman tables holding one 1-bit code each (DC category 0, AC
    end-of-block), a block costs 2 bits, all zero.
    """
    out = b"\xff\xd8"
    out += segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    if orientation:
        out += exif_orientation(orientation)
    if iim:
        out += iptc(iim)
    out += segment(0xDB, b"\x00" + bytes([1] * 64))
    out += segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    # DC table 0 and AC table 0: one code of length 1, for symbol 0.
    counts = bytes([1] + [0] * 15)
    out += segment(0xC4, b"\x00" + counts + b"\x00" + b"\x10" + counts + b"\x00")
    out += segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = 2 * blocks
    data = bytearray(bits // 8)
    if bits % 8:
        data.append((1 << (8 - bits % 8)) - 1)  # pad with 1-bits
    out += bytes(data)
    out += b"\xff\xd9"
    return out


# --- PNG ----------------------------------------------------------------

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, level=9):
    """8-bit greyscale, flat light grey. `level=0` stores the data uncompressed."""
    raw = b"".join(b"\x00" + b"\xc8" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, level))
        + chunk(b"IEND", b"")
    )


# --- GIF ----------------------------------------------------------------

def gif(width, height):
    """GIF89a, two-colour palette, every pixel colour 0 (LZW encoded)."""
    min_code = 2
    clear, end = 1 << min_code, (1 << min_code) + 1
    codes = [clear]
    table = {(i,): i for i in range(clear)}
    next_code, size = end + 1, min_code + 1
    run = ()
    widths = [size]
    for _ in range(width * height):
        candidate = run + (0,)
        if candidate in table:
            run = candidate
            continue
        codes.append(table[run])
        widths.append(size)
        if next_code < 4096:
            table[candidate] = next_code
            next_code += 1
            if next_code > (1 << size) and size < 12:
                size += 1
        run = (0,)
    codes.append(table[run])
    widths.append(size)
    codes.append(end)
    widths.append(size)
    # Pack LSB first.
    acc = nbits = 0
    packed = bytearray()
    for code, w in zip(codes, widths[: len(codes)]):
        acc |= code << nbits
        nbits += w
        while nbits >= 8:
            packed.append(acc & 0xFF)
            acc >>= 8
            nbits -= 8
    if nbits:
        packed.append(acc & 0xFF)
    blocks = b"".join(bytes([len(packed[i : i + 255])]) + packed[i : i + 255] for i in range(0, len(packed), 255))
    return (
        b"GIF89a"
        + struct.pack("<HHBBB", width, height, 0x80, 0, 0)
        + b"\xcc\xcc\xcc\xff\xff\xff"
        + b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
        + bytes([min_code]) + blocks + b"\x00"
        + b"\x3b"
    )


# --- WebP (lossless) ----------------------------------------------------

def webp(width, height):
    """VP8L with one-symbol prefix codes: every pixel is the same grey and
    costs no bits at all."""
    bits = []

    def put(value, n):
        for i in range(n):
            bits.append((value >> i) & 1)

    put(0x2F, 8)
    put(width - 1, 14)
    put(height - 1, 14)
    put(0, 1)  # alpha not used
    put(0, 3)  # version
    put(0, 1)  # no transform
    put(0, 1)  # no colour cache
    put(0, 1)  # no meta prefix codes
    for symbol in (0xB4, 0xB4, 0xB4, 0xFF, 0):  # green, red, blue, alpha, distance
        put(1, 1)  # simple code
        put(0, 1)  # one symbol
        put(1, 1)  # 8-bit symbol
        put(symbol, 8)
    data = bytearray()
    for i in range(0, len(bits), 8):
        byte = 0
        for j, b in enumerate(bits[i : i + 8]):
            byte |= b << j
        data.append(byte)
    if len(data) % 2:
        payload = bytes(data) + b"\x00"
    else:
        payload = bytes(data)
    body = b"WEBP" + b"VP8L" + struct.pack("<I", len(data)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


# --- TIFF ---------------------------------------------------------------

def tiff(width, height):
    """Little-endian, 8-bit greyscale, PackBits, one strip."""
    row = b""
    left = width
    while left:
        # A run of n equal bytes is written as 1-n (as a signed byte), then the byte.
        n = min(left, 128)
        row += bytes([(1 - n) & 0xFF, 0x96])
        left -= n
    strip = row * height
    entries = [
        (256, 3, 1, width),
        (257, 3, 1, height),
        (258, 3, 1, 8),
        (259, 3, 1, 32773),
        (262, 3, 1, 1),
        (273, 4, 1, None),  # strip offset, filled below
        (277, 3, 1, 1),
        (278, 3, 1, height),
        (279, 4, 1, len(strip)),
        (282, 5, 1, None),  # resolution, rational
        (283, 5, 1, None),
        (296, 3, 1, 2),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    rational_at = 8 + ifd_size
    strip_at = rational_at + 8
    out = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        if tag == 273:
            value = strip_at
        if kind == 5:
            out += struct.pack("<HHII", tag, kind, count, rational_at)
        elif kind == 3:
            out += struct.pack("<HHIHH", tag, kind, count, value, 0)
        else:
            out += struct.pack("<HHII", tag, kind, count, value)
    out += struct.pack("<I", 0)
    out += struct.pack("<II", 72, 1)
    return out + strip


# --- SVG and WebVTT -----------------------------------------------------

def svg(width, height):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="#d0d0d0"/></svg>\n'
    ).encode()


def vtt(lines):
    cues = "".join(
        f"\n{start} --> {end}\n{text}\n" for start, end, text in lines
    )
    return ("WEBVTT\n" + cues).encode()


# --- The files ----------------------------------------------------------

# The existing fixture articles: every image at the size its markup declares.
ARTICLES = {
    # seed-article.html
    "gc4/assets/logo-entorno-wordmark.svg": ("svg", 160, 32),
    "gc4/assets/logo-entorno-mono.svg": ("svg", 100, 20),
    "gc4/images/2023/09/19/44025-33uy6ca-highres-600_384.webp": ("webp", 600, 384),
    "gc4/images/2023/09/19/44026-9xf92j-highres-600_384.webp": ("webp", 600, 384),
    "gc4/images/2023/09/12/43980-thumb-160_100.webp": ("webp", 160, 100),
    "gc4/images/2023/08/30/43811-thumb-160_100.webp": ("webp", 160, 100),
    # caption-desk-wildfire.html: its news photos (its map thumbnail is a PNG)
    "media/2025/01/08/ridge-flames.jpg": ("jpeg", 600, 400),
    "media/2025/01/08/evacuation-centre.jpg": ("jpeg", 600, 400),
    "media/2025/01/08/satellite.jpg": ("jpeg", 600, 400),
    "media/2025/01/09/air-tanker.jpg": ("jpeg", 600, 400),
    "media/2025/01/09/horses.jpg": ("jpeg", 600, 400),
    "media/2025/01/09/ortiz.jpg": ("jpeg", 600, 400),
    "media/2025/01/09/governor.jpg": ("jpeg", 600, 400),
    "media/2025/01/09/ash.jpg": ("jpeg", 600, 400),
    # fr-ecole-village-cevennes.html
    "assets/img/courrier-du-gard.svg": ("svg", 210, 36),
    "medias/2025/03/17/classe-unique-saint-ambroix.jpg": ("jpeg", 1200, 800),
    # fragment-cms-body.html
    "uploads/2024/06/12/IMG_20240612_083015.jpg": ("jpeg", 1600, 1067),
    "uploads/2024/06/12/timetable-notice.jpg": ("jpeg", 800, 1100),
    "uploads/2024/06/12/gannet-deck.jpg": ("jpeg", 800, 533),
    "static/divider-waves.svg": ("svg", 600, 24),
    "archive/1998/inishcarra-pier-0412.jpg": ("jpeg", 640, 420),
    # interactive-rents-explainer.html
    "static/img/tribune-nameplate.svg": ("svg", 240, 36),
    "graphics/2024/rents/median-rent-2021-2024.png": ("png", 640, 360),
    "graphics/2024/rents/district-map-640.png": ("png", 640, 480),
    # kyiv-invincibility-points.html
    "static/dnipro-ledger-logo.svg": ("svg", 190, 34),
    "media/2024/12/03/obolon-tent-night.jpg": ("jpeg", 1200, 800),
    "media/2024/12/03/obolon-tea-volunteers.jpg": ("jpeg", 1200, 800),
    "media/2024/12/03/podil-blackout-street.jpg": ("jpeg", 600, 400),
    "media/2024/12/03/podil-blackout-cafe.jpg": ("jpeg", 600, 400),
    # obituary-print-view.html
    "cms/print/herald-print-logo.png": ("png", 200, 40),
    "cms/print/printer.gif": ("gif", 16, 16),
    "media/2024/10/03/moorcroft-1963-lifeboat-800.jpg": ("jpeg", 800, 560),
    # photo-gallery-flood.html
    "static/img/masthead-valley-courier.svg": ("svg", 220, 40),
    "media/staff/hannah-okafor-64.jpg": ("jpeg", 64, 64),
    "static/img/wave-rule.svg": ("svg", 600, 12),
    "media/2024/02/11/wend-flood-lead-1200.jpg": ("jpeg", 1200, 800),
    "media/2024/02/11/DSC_0412.JPG": ("jpeg", 1200, 800),
    "media/2024/02/11/wend-flood-sandbags.jpg": ("jpeg", 1200, 800),
    "media/2024/02/11/wend-flood-care-home.jpg": ("jpeg", 1200, 800),
    "media/2024/02/11/wend-flood-dog.jpg": ("jpeg", 1200, 800),
    "media/2024/02/11/wend-flood-street-1.jpg": ("jpeg", 1200, 800),
    "media/2024/02/11/wend-flood-street-2.jpg": ("jpeg", 1200, 800),
    "media/2024/02/11/wend-flood-school.jpg": ("jpeg", 1200, 800),
    "media/2024/02/11/wend-flood-river.jpg": ("jpeg", 1200, 800),
    "static/img/spacer.gif": ("gif", 1, 1),
    "media/2024/01/20/snow-thumb-300.jpg": ("jpeg", 300, 200),
    "media/2023/11/05/bonfire-thumb-300.jpg": ("jpeg", 300, 200),
    # markdown/quarto-river-levels.qmd
    "media/2024/11/25/taff-mill-street.jpg": ("jpeg", 1200, 800),
    "media/2024/11/25/taff-sandbags.jpg": ("jpeg", 1200, 800),
    "media/2024/11/25/taff-school-hall.jpg": ("jpeg", 1200, 800),
    "media/2024/11/25/taff-old-bridge.jpg": ("jpeg", 1200, 800),
    # markdown/myst-tower-block-heat.md
    "media/2025/07/24/leeds-tower-block.jpg": ("jpeg", 1200, 800),
    "media/2025/07/24/leeds-sensor-window.jpg": ("jpeg", 1200, 800),
    "media/2025/07/24/leeds-flat-fan.jpg": ("jpeg", 1200, 800),
    "media/2025/07/24/indoor-temperature-chart.png": ("png", 1200, 700),
    # sport-cup-final-report.html
    "img/brand/eastshire-echo-logo.svg": ("svg", 180, 30),
    "img/2024/05/11/adeyemi-header-1280.jpg": ("jpeg", 1280, 853),
    "img/2024/05/10/dunster-teaser-320.jpg": ("jpeg", 320, 180),
    "img/2024/05/09/cricket-teaser-320.jpg": ("jpeg", 320, 180),
}

STORM = "media/2025/01/18/"

# harbour-storm-photo-story.html and the rule pages' examples.
STORY = {
    "static/coast-chronicle-logo.svg": ("svg", 200, 40),
    STORM + "harbour-waves-1200.jpg": ("jpeg", 1200, 800),
    STORM + "harbour-waves-800.jpg": ("jpeg", 800, 533),
    STORM + "harbour-waves-share-600.jpg": ("jpeg", 600, 315),
    STORM + "harbour-waves-share-1200.jpg": ("jpeg", 1200, 630),
    STORM + "lifeboat-launch-640.jpg": ("jpeg", 800, 533),  # its srcset says 640w
    STORM + "lifeboat-launch-800.jpg": ("jpeg", 800, 533),
    STORM + "lifeboat-launch-1280.jpg": ("jpeg", 1280, 853),
    STORM + "coastguard-warning.jpg": ("png", 640, 360),  # a PNG named .jpg
    STORM + "coastguard-warning.png": ("png", 640, 360),
    STORM + "sandbags-quay.jpg": ("jpeg", 1200, 800),
    STORM + "fishing-boats-moored.jpg": ("jpeg", 1200, 800),
    STORM + "reader-photo-320.jpg": ("jpeg", 320, 240),
    STORM + "harbourmaster-portrait.jpg": ("jpeg", 4000, 2667),
    STORM + "harbourmaster-portrait-800.jpg": ("jpeg", 800, 533),
    STORM + "harbour-panorama.png": ("png-stored", 1000, 600),  # 600 KB
    STORM + "harbour-panorama.jpg": ("jpeg", 1000, 600),
    STORM + "lifeboat-crew-portrait.jpg": ("jpeg-rotated", 1200, 800),  # shown 800x1200
    "media/archive/1978/harbour-flood-1978.tif": ("tiff", 600, 400),
    "media/archive/1978/harbour-flood-1978.jpg": ("jpeg", 600, 400),
}

TRACKS = {
    "media/2025/05/08/halvorsen-corn-exchange.en.vtt": [
        ("00:00:00.500", "00:00:04.000", "Thank you. Thank you all for coming tonight."),
        ("00:00:04.500", "00:00:09.000", "This result belongs to every volunteer in this room."),
    ],
    "medias/2025/03/17/entretien-berard.fr.vtt": [
        ("00:00:01.000", "00:00:05.000", "On ne ferme pas une école comme on ferme un guichet."),
        ("00:00:05.500", "00:00:09.000", "Ici, l'école, c'est le village."),
    ],
    STORM + "harbourmaster-interview.en.vtt": [
        ("00:00:00.000", "00:00:03.500", "We've not seen a sea like that since 1978."),
    ],
}


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


def make(kind, width, height):
    if kind == "jpeg":
        return jpeg(width, height)
    if kind == "jpeg-rotated":
        # Stored landscape, EXIF orientation 6: shown rotated, portrait.
        return jpeg(width, height, orientation=6)
    if kind == "png":
        return png(width, height)
    if kind == "png-stored":
        return png(width, height, level=0)
    if kind == "gif":
        return gif(width, height)
    if kind == "webp":
        return webp(width, height)
    if kind == "tiff":
        return tiff(width, height)
    if kind == "svg":
        return svg(width, height)
    raise ValueError(kind)


def main():
    for files in (ARTICLES, STORY):
        for path, (kind, width, height) in files.items():
            write(path, make(kind, width, height))
    for path, cues in TRACKS.items():
        write(path, vtt(cues))

    # An agency photo whose IPTC credit and date the caption contradicts.
    write(
        STORM + "coastguard-helicopter.jpg",
        jpeg(1200, 800, iim=[
            (80, "Tom Pryce"),            # By-line
            (110, "PA"),                  # Credit Line
            (55, "20250117"),             # Date Created
            (90, "Porthleven"),           # City
            (120, "A coastguard helicopter over Porthleven harbour."),
        ]),
    )
    # An upload cut short: the first 1.5 KB of a JPEG.
    write(STORM + "flooded-fish-market.jpg", jpeg(1200, 800)[:1500])
    # A SubRip file given a .vtt name: no WEBVTT line, commas in the times.
    write(
        STORM + "harbourmaster-interview-srt.vtt",
        b"1\n00:00:00,000 --> 00:00:03,500\nWe've not seen a sea like that since 1978.\n",
    )
    print(f"wrote fixture images under {os.path.relpath(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
