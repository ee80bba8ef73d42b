#!/usr/bin/env python3
"""Draws the Trellis icons (a white lattice on teal) into public/icons/.

Pure standard library, so it runs anywhere: `python3 scripts/make-icons.py`.
The PNGs are committed; rerun only to change the design.
"""
import math
import os
import struct
import zlib

TEAL = (15, 118, 110)
WHITE = (255, 255, 255)
OUT = os.path.join(os.path.dirname(__file__), "..", "public", "icons")


def inside_rounded_square(u, v, radius):
    # u, v in [0, 1]
    dx = max(radius - u, 0, u - (1 - radius))
    dy = max(radius - v, 0, v - (1 - radius))
    return dx * dx + dy * dy <= radius * radius


def lattice(u, v, scale):
    # Centre the glyph and shrink it to `scale` of the canvas.
    x = (u - 0.5) / scale
    y = (v - 0.5) / scale
    if abs(x) + abs(y) > 0.42:  # a diamond-shaped trellis panel
        return False
    width = 0.045
    spacing = 0.21
    for d in (x + y, x - y):
        k = round(d / spacing)
        if abs(d - k * spacing) < width / 2 * math.sqrt(2):
            return True
    # the panel's border
    return abs(abs(x) + abs(y) - 0.42) < width * 0.75


def draw(size, rounded, scale, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            bg = fg = 0
            for sy in range(samples):
                for sx in range(samples):
                    u = (px + (sx + 0.5) / samples) / size
                    v = (py + (sy + 0.5) / samples) / size
                    if rounded and not inside_rounded_square(u, v, 0.22):
                        continue
                    if lattice(u, v, scale):
                        fg += 1
                    else:
                        bg += 1
            n = samples * samples
            alpha = (bg + fg) / n
            if alpha == 0:
                row += bytes((0, 0, 0, 0))
                continue
            t = fg / (bg + fg)
            rgb = [round(TEAL[i] * (1 - t) + WHITE[i] * t) for i in range(3)]
            row += bytes(rgb + [round(alpha * 255)])
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    icons = {
        "icon-192.png": (192, True, 0.9),
        "icon-512.png": (512, True, 0.9),
        # Maskable: full bleed, glyph inside the 80% safe zone.
        "icon-maskable-512.png": (512, False, 0.7),
        "apple-touch-icon.png": (180, False, 0.8),
        "favicon-32.png": (32, True, 0.95),
    }
    for name, (size, rounded, scale) in icons.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(draw(size, rounded, scale, samples=4 if size <= 192 else 2))
        print("wrote", name)


if __name__ == "__main__":
    main()
