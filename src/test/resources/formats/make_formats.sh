#!/usr/bin/env bash
# Makes the small scanner-format files FormatsTest reads, from one 64x48 gray page, with
# Debian's own tools (so the files are written by other software than the one reading them):
#   apt-get install netpbm webp libtiff-tools imagemagick img2pdf qpdf python3
# The files are committed; run this again only to change them. Everything is deterministic
# except the PDFs' creation dates and qpdf's encryption salt.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The page: a left-to-right ramp (40..229) with a dark bar, as a line of text would be.
{
  echo "P2 64 48 255"
  for y in $(seq 0 47); do
    row=""
    for x in $(seq 0 63); do
      v=$((40 + x * 3))
      if [ "$y" -ge 20 ] && [ "$y" -lt 28 ] && [ "$x" -ge 8 ] && [ "$x" -lt 56 ]; then v=20; fi
      row="$row $v"
    done
    echo "$row"
  done
} > "$tmp/page.pgm"

pnmtopng "$tmp/page.pgm" > source.png                       # the reference every test compares to
pamtopnm "$tmp/page.pgm" > gray.pgm                           # binary P5
pgmtoppm white "$tmp/page.pgm" > colour.ppm                   # P6, gray values in three channels
pgmtopbm -threshold -value 0.5 "$tmp/page.pgm" > bw.pbm      # P4: bar and dark left half black
pamtopam < "$tmp/page.pgm" > gray.pam                         # P7
cwebp -quiet -lossless source.png -o lossless.webp
cwebp -quiet -q 90 source.png -o lossy.webp

pamtotiff "$tmp/page.pgm" > "$tmp/plain.tif"
tiffcp -c lzw "$tmp/plain.tif" lzw.tif
tiffcp -c jpeg:90 "$tmp/plain.tif" jpeg.tif                   # JPEG-in-TIFF (new style, compression 7)
pamtotiff -g3 bw.pbm > g3.tif
pamtotiff -g4 bw.pbm > g4.tif
pnminvert "$tmp/page.pgm" | pamtotiff -lzw > "$tmp/inverted.tif"
tiffcp "$tmp/plain.tif" "$tmp/inverted.tif" g4.tif multipage.tif   # three pages: page, inverted page, bw page

convert source.png -define psd:write-layers=false flat.psd   # flattened image only

# Scanned PDFs: img2pdf embeds each image as it is and sizes the page from its dpi.
convert source.png -units PixelsPerInch -density 150 "$tmp/p1.png"
pnminvert "$tmp/page.pgm" | pnmtojpeg -quality 95 -density 200x200dpi > "$tmp/p2.jpg"
pamflip -r90 "$tmp/page.pgm" | pnmtopng > "$tmp/p3-raw.png"
convert "$tmp/p3-raw.png" -units PixelsPerInch -density 100 "$tmp/p3.png"
img2pdf "$tmp/p1.png" -o scan.pdf
img2pdf "$tmp/p1.png" "$tmp/p2.jpg" "$tmp/p3.png" -o three-pages.pdf   # 150 dpi, 200 dpi JPEG, 100 dpi portrait
convert source.png "$tmp/page.jp2"
img2pdf "$tmp/page.jp2" -o jpeg2000.pdf                      # JPXDecode: a format the app does not decode

# Broken PDFs.
qpdf --encrypt secret owner 256 -- scan.pdf encrypted.pdf
head -c $(( $(stat -c %s three-pages.pdf) / 2 )) three-pages.pdf > truncated.pdf
# a scan whose image data is damaged: Flate fails after a few bytes (PDFBox alone would draw a blank page)
python3 -c 'd = bytearray(open("scan.pdf", "rb").read()); i = d.index(b"stream\n", d.index(b"/Image")) + 12
d[i:i + 35] = b"\xff" * 35; open("damaged-image.pdf", "wb").write(d)'
printf '%%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nthis is no PDF body\n%%%%EOF\n' > corrupt.pdf

# Born-digital: a text PDF with no image, written by hand and given a correct xref by qpdf.
cat > "$tmp/text.pdf" <<'PDF'
%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 36] /Contents 4 0 R
  /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << >> stream
BT /F1 12 Tf 6 14 Td (Hello) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
PDF
qpdf "$tmp/text.pdf" text-only.pdf 2>/dev/null || [ $? -eq 3 ]   # 3: repaired with warnings

ls -l
du -ch . | tail -1
