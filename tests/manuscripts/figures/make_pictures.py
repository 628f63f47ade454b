#!/usr/bin/env python3
"""Draws the figures fixture's pictures (run from anywhere; writes images/ beside it).

Pure Python, no imaging library: a PNG writer (zlib), a baseline greyscale JPEG encoder
(standard Huffman tables, JFIF density) and two SVGs drawn with paths. The output is
deterministic, so the checked-in files are what this script makes.
"""
import math
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, width, height, pixel, ppi=None, grey=False):
    """`pixel(x, y)` gives (r, g, b), or a level 0-255 when `grey`."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            p = pixel(x, y)
            rows.extend((p,) if grey else p)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0 if grey else 2, 0, 0, 0))
    if ppi:
        ppm = round(ppi / 0.0254)
        out += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    out += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(out)


ZIGZAG = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
          21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60,
          61, 54, 47, 55, 62, 63]
LUMA_Q = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29,
          51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121,
          120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
DC_VALS = list(range(12))
AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D]
AC_VALS = [0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71,
           0x14, 0x32, 0x81, 0x91, 0xA1, 0x08, 0x23, 0x42, 0xB1, 0xC1, 0x15, 0x52, 0xD1, 0xF0, 0x24, 0x33, 0x62, 0x72,
           0x82, 0x09, 0x0A, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x34, 0x35, 0x36, 0x37,
           0x38, 0x39, 0x3A, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
           0x5A, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x83,
           0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0xA2, 0xA3,
           0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xC2, 0xC3,
           0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xE1, 0xE2,
           0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA]


def huffman_codes(bits, vals):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes


def jpeg(path, width, height, level, ppi):
    """A baseline greyscale JPEG; `level(x, y)` gives 0-255."""
    assert sorted(AC_VALS) == sorted([0x00, 0xF0] + [(r << 4) | s for r in range(16) for s in range(1, 11)])
    dc, ac = huffman_codes(DC_BITS, DC_VALS), huffman_codes(AC_BITS, AC_VALS)
    q = [max(1, min(255, (v * 50 + 50) // 100)) for v in LUMA_Q]  # quality 75
    c = [[(math.sqrt(0.125) if u == 0 else 0.5) * math.cos((2 * x + 1) * u * math.pi / 16) for x in range(8)]
         for u in range(8)]
    bits = []

    def put(code, length):
        bits.extend((code >> (length - 1 - i)) & 1 for i in range(length))

    def magnitude(v):
        n = abs(v).bit_length()
        return n, (v if v >= 0 else v + (1 << n) - 1)

    prev = 0
    for by in range(0, height, 8):
        for bx in range(0, width, 8):
            block = [[level(min(bx + x, width - 1), min(by + y, height - 1)) - 128 for x in range(8)] for y in range(8)]
            rows = [[sum(c[u][x] * block[y][x] for x in range(8)) for u in range(8)] for y in range(8)]
            coef = [sum(c[v][y] * rows[y][u] for y in range(8)) for v in range(8) for u in range(8)]
            zz = [round(coef[ZIGZAG[i]] / q[ZIGZAG[i]]) for i in range(64)]
            n, m = magnitude(zz[0] - prev)
            prev = zz[0]
            put(*dc[n])
            if n:
                put(m, n)
            run = 0
            for v in zz[1:]:
                if v == 0:
                    run += 1
                    continue
                while run > 15:
                    put(*ac[0xF0])
                    run -= 16
                n, m = magnitude(v)
                put(*ac[(run << 4) | n])
                put(m, n)
                run = 0
            if run:
                put(*ac[0x00])
    bits.extend([1] * (-len(bits) % 8))
    data = bytearray()
    for i in range(0, len(bits), 8):
        byte = int("".join(map(str, bits[i:i + 8])), 2)
        data.append(byte)
        if byte == 0xFF:
            data.append(0)

    def segment(marker, body):
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body

    out = b"\xff\xd8"
    out += segment(0xE0, b"JFIF\0\x01\x01\x01" + struct.pack(">HH", ppi, ppi) + b"\0\0")
    out += segment(0xDB, bytes([0]) + bytes(q[ZIGZAG[i]] for i in range(64)))
    out += segment(0xC0, bytes([8]) + struct.pack(">HH", height, width) + bytes([1, 1, 0x11, 0]))
    out += segment(0xC4, bytes([0x00] + DC_BITS + DC_VALS))
    out += segment(0xC4, bytes([0x10] + AC_BITS + AC_VALS))
    out += segment(0xDA, bytes([1, 1, 0x00, 0, 63, 0]))
    out += bytes(data) + b"\xff\xd9"
    with open(path, "wb") as f:
        f.write(out)


def harbour(x, y, w=1200, h=720):
    """A harbour at dusk in flat tones: sky bands, hills, a sea with a jetty and a sail."""
    fx, fy = x / w, y / h
    hill = 0.52 - 0.10 * math.sin(fx * 5.0 + 0.6) - 0.05 * math.sin(fx * 13.0)
    if fy < hill:
        band = int(fy * 9) / 9
        return (int(236 - 70 * band), int(222 - 60 * band), int(196 - 30 * band))
    if fy < 0.60:
        return (92, 104, 96) if fy < hill + 0.03 else (120, 128, 112)
    sail = abs(fx - 0.68) < (fy - 0.30) * 0.25 and fy < 0.58 and fx > 0.68 - 0.001
    if sail:
        return (246, 240, 226)
    if 0.60 <= fy < 0.64 and fx < 0.45:
        return (70, 60, 52)  # the jetty
    stripe = int((fy - 0.6) * 60 + 2 * math.sin(fx * 40)) % 3 == 0
    return (84, 112, 128) if stripe else (64, 92, 110)


def lighthouse(x, y, w=480, h=720):
    """A lighthouse on a rock, in grey: tower tapering, a lamp room, banded walls, the sea."""
    fx, fy = x / w, y / h
    if fy > 0.82:
        return 90 + int(30 * math.sin(fx * 30 + fy * 50)) if fy > 0.9 else 60
    half = 0.07 + 0.08 * (fy - 0.2)
    if 0.2 < fy < 0.82 and abs(fx - 0.5) < half:
        return 235 if int(fy * 10) % 2 == 0 else 70
    if 0.12 < fy <= 0.2 and abs(fx - 0.5) < 0.06:
        return 250 if abs(fx - 0.5) < 0.03 else 40
    if abs(fy - 0.16) < 0.01 and abs(fx - 0.5) > 0.06:
        return 230 - int(120 * abs(fx - 0.5))  # the beam
    return 200 - int(60 * fy)


MUSIC = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="5in" height="0.9in" viewBox="0 0 500 90">
  <title>The opening phrase of a folk tune</title>
  <g stroke="#000" stroke-width="1" fill="none">
    <path d="M10 25H490M10 35H490M10 45H490M10 55H490M10 65H490"/>
    <path d="M10 25V65M490 25V65M487 25V65" />
    <path d="M250 25V65"/>
  </g>
  <path d="M28 74C20 60 40 46 32 30C28 20 38 14 40 22C42 32 22 40 22 52C22 62 38 64 40 54C42 46 30 44 28 52" fill="none" stroke="#000" stroke-width="2"/>
  <text x="58" y="44" font-family="serif" font-size="20">3</text>
  <text x="58" y="64" font-family="serif" font-size="20">4</text>
  <g fill="#000">
    <ellipse cx="95" cy="60" rx="6" ry="4.5" transform="rotate(-20 95 60)"/>
    <ellipse cx="130" cy="55" rx="6" ry="4.5" transform="rotate(-20 130 55)"/>
    <ellipse cx="165" cy="50" rx="6" ry="4.5" transform="rotate(-20 165 50)"/>
    <ellipse cx="205" cy="45" rx="6" ry="4.5" transform="rotate(-20 205 45)"/>
    <ellipse cx="285" cy="40" rx="6" ry="4.5" transform="rotate(-20 285 40)"/>
    <ellipse cx="320" cy="45" rx="6" ry="4.5" transform="rotate(-20 320 45)"/>
    <ellipse cx="355" cy="50" rx="6" ry="4.5" transform="rotate(-20 355 50)"/>
    <ellipse cx="420" cy="55" rx="6" ry="4.5" fill="none" stroke="#000" stroke-width="1.6" transform="rotate(-20 420 55)"/>
  </g>
  <g stroke="#000" stroke-width="1.2">
    <path d="M100.5 58V28M135.5 53V23M170.5 48V18M210.5 43V13"/>
    <path d="M279.5 42V72M314.5 47V77M349.5 52V82M425.5 53V23"/>
  </g>
  <path d="M100 28L135 23V27L100 32ZM170 18L210 13V17L170 22Z" fill="#000"/>
</svg>
"""


def map_svg():
    """A coast with a river, roads and towns, only a viewBox: it takes the text block."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 440">',
             '  <title>A map of the coast from the harbour to the lighthouse</title>',
             '  <rect x="0.5" y="0.5" width="299" height="439" fill="#fff" stroke="#000"/>',
             '  <path d="M0 300C40 290 60 320 90 310S150 260 180 280S240 330 300 300V440H0Z" fill="#ddd" stroke="#000"/>']
    for k in range(1, 7):
        y = 300 + 18 * k
        parts.append(f'  <path d="M0 {y}C60 {y - 8} 120 {y + 10} 180 {y - 4}S260 {y + 8} 300 {y - 2}" '
                     'fill="none" stroke="#999" stroke-width="0.6"/>')
    parts += ['  <path d="M150 0C140 60 170 110 150 160S120 240 140 286" fill="none" stroke="#000" stroke-width="2.5"/>',
              '  <path d="M20 60L90 120L150 150L230 120L280 40M90 120L70 260M230 120L250 270" fill="none" '
              'stroke="#000" stroke-width="1" stroke-dasharray="4 2"/>']
    for x, y in ((90, 120), (230, 120), (70, 260), (250, 270), (150, 150)):
        parts.append(f'  <circle cx="{x}" cy="{y}" r="4" fill="#000"/>')
    parts += ['  <path d="M262 290L266 262H270L274 290Z" fill="#000"/>',
              '  <path d="M268 262L300 250M268 262L300 274" stroke="#000" stroke-width="0.5"/>',
              '  <path d="M40 400L40 370L34 382M40 370L46 382" fill="none" stroke="#000" stroke-width="1.2"/>',
              '  <text x="36" y="416" font-family="serif" font-size="12">N</text>',
              '</svg>', '']
    return "\n".join(parts)


def main():
    out = os.path.join(HERE, "images")
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, "harbour.png"), 1200, 720, harbour, ppi=300)
    jpeg(os.path.join(out, "lighthouse.jpg"), 480, 720, lighthouse, ppi=300)
    with open(os.path.join(out, "music.svg"), "w") as f:
        f.write(MUSIC)
    with open(os.path.join(out, "map.svg"), "w") as f:
        f.write(map_svg())
    return 0


if __name__ == "__main__":
    sys.exit(main())
