#!/usr/bin/env python3
"""Writes the broken and odd input files the robustness tests feed to the loaders.
Run once (python3 make_corpus.py, with Pillow); the files are committed. Every image shows the
same 24x16 gradient, gray = (x * 10 + y) / 255, so the tests can check what was decoded.
Model files are made by CorpusModels in the tests from a real tiny model, not here."""
import io, os, struct, zlib
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
W, H = 24, 16

def gradient(mode="L"):
    img = Image.new("L", (W, H))
    img.putdata([x * 10 + y for y in range(H) for x in range(W)])
    return img if mode == "L" else img.convert(mode)

def write(rel, data):
    path = os.path.join(here, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)

def encoded(img, fmt, **kw):
    b = io.BytesIO()
    img.save(b, fmt, **kw)
    return b.getvalue()

def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)

# --- odd but valid: must load as the gradient ---
write("valid/gray8.png", encoded(gradient(), "PNG"))
g16 = Image.new("I;16", (W, H)); g16.putdata([(x * 10 + y) * 257 for y in range(H) for x in range(W)])
write("valid/gray16.png", encoded(g16, "PNG"))
write("valid/palette.png", encoded(gradient().convert("P"), "PNG"))
write("valid/rgb-alpha.png", encoded(gradient("RGBA"), "PNG"))
write("valid/rgb.jpg", encoded(gradient("RGB"), "JPEG", quality=100))
write("valid/gray.bmp", encoded(gradient("RGB"), "BMP"))
write("valid/gray.gif", encoded(gradient(), "GIF"))
write("valid/two-pages.tif", encoded(gradient(), "TIFF", save_all=True, append_images=[gradient().point(lambda v: 255 - v)]))
write("valid/página-ü.png", encoded(gradient(), "PNG"))
write("valid/one-pixel.png", encoded(Image.new("L", (1, 1), 128), "PNG"))

# --- broken: each must fail with one line naming the file and the reason ---
write("broken/empty.png", b"")
write("broken/text-named.png", b"this is not an image, only text with a .png name\n")
write("broken/truncated.png", encoded(gradient(), "PNG")[:60])
write("broken/truncated.jpg", encoded(gradient("RGB"), "JPEG")[:200])
ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0)
write("broken/bomb-60000x60000.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
      + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))
write("broken/image.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 24)
write("broken/layers.psd", b"8BPS\x00\x01" + b"\x00" * 64)
write("valid/cmyk.jpg", encoded(gradient("CMYK"), "JPEG", quality=100))

# --- IDX files: a good pair to start from, and broken variants ---
def idx_images(n, rows, cols, magic=0x00000803, body=None):
    data = body if body is not None else bytes((i * 7) % 256 for i in range(n * rows * cols))
    return struct.pack(">IIII", magic, n, rows, cols) + data
def idx_labels(n, magic=0x00000801):
    return struct.pack(">II", magic, n) + bytes(i % 10 for i in range(n))
for folder in ("wrong-magic", "short-data", "count-mismatch"):   # a valid test split, so the train files' defect is what fails
    write("idx/%s/t10k-images-idx3-ubyte" % folder, idx_images(2, 8, 8))
    write("idx/%s/t10k-labels-idx1-ubyte" % folder, idx_labels(2))
write("idx/wrong-magic/train-images-idx3-ubyte", idx_images(4, 8, 8, magic=0x12345678))
write("idx/wrong-magic/train-labels-idx1-ubyte", idx_labels(4))
write("idx/short-data/train-images-idx3-ubyte", idx_images(4, 8, 8, body=b"\x01" * 100))
write("idx/short-data/train-labels-idx1-ubyte", idx_labels(4))
write("idx/count-mismatch/train-images-idx3-ubyte", idx_images(4, 8, 8))
write("idx/count-mismatch/train-labels-idx1-ubyte", idx_labels(5))

# --- image folders ---
write("folders/mismatched-names/train/page1.png", encoded(gradient(), "PNG"))
write("folders/mismatched-names/train_cleaned/other.png", encoded(gradient(), "PNG"))
write("folders/mismatched-sizes/train/page0.png", encoded(gradient(), "PNG"))
write("folders/mismatched-sizes/train_cleaned/page0.png", encoded(gradient(), "PNG"))
write("folders/mismatched-sizes/train/page1.png", encoded(gradient(), "PNG"))
write("folders/mismatched-sizes/train_cleaned/page1.png", encoded(gradient().resize((W + 4, H)), "PNG"))
write("folders/one-image/only.png", encoded(gradient(), "PNG"))
write("folders/no-images/readme.txt", b"no images here\n")
