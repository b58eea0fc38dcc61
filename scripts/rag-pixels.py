#!/usr/bin/env python3
"""Counts pixels close to the report's red, amber and green fills in a PNG.

Usage: rag-pixels.py FILE.png  ->  prints {"red": n, "amber": n, "green": n}
Standard library only (zlib): decodes 8-bit RGB/RGBA PNGs as Chromium writes them.
"""
import json, struct, sys, zlib

TARGETS = {"red": (0xB7, 0x1C, 0x1C), "amber": (0xFF, 0xB3, 0x00), "green": (0x1B, 0x5E, 0x20)}


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour not in (2, 6):
        raise SystemExit(f"{path}: unsupported PNG (bit depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, out = bytearray(stride), []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append(line)
        prev = line
    return out, bpp


def main():
    rows, bpp = pixels(sys.argv[1])
    counts = {k: 0 for k in TARGETS}
    for line in rows:
        for i in range(0, len(line), bpp * 2):  # every other pixel is plenty
            r, g, b = line[i], line[i + 1], line[i + 2]
            for k, (tr, tg, tb) in TARGETS.items():
                if abs(r - tr) <= 12 and abs(g - tg) <= 12 and abs(b - tb) <= 12:
                    counts[k] += 1
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
