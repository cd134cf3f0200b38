#!/usr/bin/env python3
"""Converts binary grey-scale PGM images (P5, 8-bit) to PNG with Python's standard library.

    pgm_to_png.py IMAGE.pgm [...] --out DIR

The tutorial's SVD compression pictures are made this way from the output of
examples/svd_image_compression.
"""

import argparse
import os
import struct
import zlib


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maximum value
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P5" or int(fields[3]) != 255:
        raise ValueError(f"{path}: only 8-bit binary PGM (P5) is supported")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + width * height]
    return width, height, pixels


def png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def write_png(path, width, height, pixels):
    # Each row starts with filter type 0 (none).
    raw = b"".join(b"\x00" + pixels[r * width:(r + 1) * width] for r in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey-scale
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(raw, 9)) +
                png_chunk(b"IEND", b""))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("images", nargs="+")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    for image in args.images:
        name = os.path.splitext(os.path.basename(image))[0] + ".png"
        write_png(os.path.join(args.out, name), *read_pgm(image))


if __name__ == "__main__":
    main()
