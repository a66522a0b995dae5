#pragma once

// A picture of a QR code, made at test time with libqrencode: what an invoice's IPS QR code
// looks like after a scan. Header-only; a test executable that includes it links qrencode,
// PNG::PNG and JPEG::JPEG.

#include <qrencode.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <jpeglib.h>
#include <memory>
#include <png.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace platnik::testsupport {

/// An 8-bit grey picture of `text` as a QR code (8-bit mode, level M): `scale` pixels per
/// module and a quiet zone of four modules.
struct QrPixels {
  unsigned width = 0;
  std::vector<std::uint8_t> pixels;
};

inline QrPixels qrPixels(const std::string& text, unsigned scale = 4) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code{
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free};
  if (!code) {
    throw std::runtime_error("libqrencode could not encode the text");
  }
  const unsigned modules = static_cast<unsigned>(code->width) + 8;
  QrPixels picture;
  picture.width = modules * scale;
  picture.pixels.assign(static_cast<std::size_t>(picture.width) * picture.width, 255);
  for (unsigned y = 0; y < static_cast<unsigned>(code->width); ++y) {
    for (unsigned x = 0; x < static_cast<unsigned>(code->width); ++x) {
      if ((code->data[y * static_cast<unsigned>(code->width) + x] & 1U) == 0) {
        continue;
      }
      for (unsigned dy = 0; dy < scale; ++dy) {
        for (unsigned dx = 0; dx < scale; ++dx) {
          picture.pixels[((y + 4) * scale + dy) * picture.width + (x + 4) * scale + dx] = 0;
        }
      }
    }
  }
  return picture;
}

/// Writes `text` as a QR code into a PNG file.
inline void writeQrPng(const std::string& text, const std::filesystem::path& path) {
  const QrPixels picture = qrPixels(text);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = picture.width;
  image.height = picture.width;
  image.format = PNG_FORMAT_GRAY;
  if (png_image_write_to_file(&image, path.c_str(), 0, picture.pixels.data(), 0, nullptr) == 0) {
    throw std::runtime_error(std::string("cannot write the PNG: ") + image.message);
  }
}

/// Writes `text` as a QR code into a JPEG file (quality 90).
inline void writeQrJpeg(const std::string& text, const std::filesystem::path& path) {
  const QrPixels picture = qrPixels(text);
  std::unique_ptr<std::FILE, decltype(&std::fclose)> file{std::fopen(path.c_str(), "wb"), &std::fclose};
  if (!file) {
    throw std::runtime_error("cannot create " + path.string());
  }
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);  // errors end the test process: fine for a test helper
  jpeg_create_compress(&info);
  jpeg_stdio_dest(&info, file.get());
  info.image_width = picture.width;
  info.image_height = picture.width;
  info.input_components = 1;
  info.in_color_space = JCS_GRAYSCALE;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 90, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    auto* row = const_cast<JSAMPLE*>(picture.pixels.data() +
                                     static_cast<std::size_t>(info.next_scanline) * picture.width);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
}

}  // namespace platnik::testsupport
