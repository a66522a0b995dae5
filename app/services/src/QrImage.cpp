#include "services/QrImage.h"

#include <fmt/format.h>
#include <zbar.h>

#include <csetjmp>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <jpeglib.h>
#include <memory>
#include <png.h>
#include <vector>

namespace platnik::services {

using banking::Errc;
using banking::fail;

namespace {

/// An 8-bit grey picture, one byte per pixel, row after row.
struct GreyImage {
  unsigned width = 0;
  unsigned height = 0;
  std::vector<std::uint8_t> pixels;
};

struct PngImageDeleter {
  void operator()(png_image* image) const {
    png_image_free(image);
    delete image;
  }
};

banking::Result<GreyImage> readPng(const std::string& bytes, const std::string& where) {
  std::unique_ptr<png_image, PngImageDeleter> image{new png_image{}};
  image->version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(image.get(), bytes.data(), bytes.size()) == 0) {
    return fail(Errc::MalformedFile, fmt::format("not a readable PNG picture: {}", image->message), where);
  }
  image->format = PNG_FORMAT_GRAY;
  GreyImage grey;
  grey.width = image->width;
  grey.height = image->height;
  grey.pixels.resize(PNG_IMAGE_SIZE(*image));
  if (png_image_finish_read(image.get(), nullptr, grey.pixels.data(), 0, nullptr) == 0) {
    return fail(Errc::MalformedFile, fmt::format("the PNG picture is damaged: {}", image->message), where);
  }
  return grey;
}

/// libjpeg reports errors through a callback that must not return: it jumps back here.
struct JpegErrors {
  jpeg_error_mgr manager{};
  std::jmp_buf jump{};
  char message[JMSG_LENGTH_MAX] = {};
};

void onJpegError(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->jump, 1);
}

struct JpegDecompressDeleter {
  void operator()(jpeg_decompress_struct* info) const {
    jpeg_destroy_decompress(info);
    delete info;
  }
};

// No C++ object with a destructor is created between setjmp and a longjmp to it: the
// picture's buffer is sized and filled only through plain calls after the header is read.
bool decodeJpeg(jpeg_decompress_struct* info, JpegErrors* errors, const std::string& bytes, GreyImage* grey) {
  if (setjmp(errors->jump) != 0) {
    return false;
  }
  jpeg_mem_src(info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(info, TRUE);
  info->out_color_space = JCS_GRAYSCALE;
  jpeg_start_decompress(info);
  grey->width = info->output_width;
  grey->height = info->output_height;
  grey->pixels.resize(static_cast<std::size_t>(grey->width) * grey->height);
  while (info->output_scanline < info->output_height) {
    JSAMPROW row = grey->pixels.data() + static_cast<std::size_t>(info->output_scanline) * grey->width;
    jpeg_read_scanlines(info, &row, 1);
  }
  jpeg_finish_decompress(info);
  return true;
}

banking::Result<GreyImage> readJpeg(const std::string& bytes, const std::string& where) {
  JpegErrors errors;
  std::unique_ptr<jpeg_decompress_struct, JpegDecompressDeleter> info{new jpeg_decompress_struct{}};
  info->err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = onJpegError;
  jpeg_create_decompress(info.get());
  GreyImage grey;
  if (!decodeJpeg(info.get(), &errors, bytes, &grey)) {
    return fail(Errc::MalformedFile, fmt::format("the JPEG picture is damaged: {}", errors.message), where);
  }
  return grey;
}

struct ScannerDeleter {
  void operator()(zbar::zbar_image_scanner_t* scanner) const { zbar::zbar_image_scanner_destroy(scanner); }
};
struct ZbarImageDeleter {
  void operator()(zbar::zbar_image_t* image) const { zbar::zbar_image_destroy(image); }
};

}  // namespace

banking::Result<std::string> decodeQrImage(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Errc::Io, "cannot open the picture", where);
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    return fail(Errc::Io, "cannot read the picture", where);
  }
  const auto startsWith = [&bytes](std::string_view magic) { return bytes.starts_with(magic); };
  const bool png = startsWith("\x89PNG\r\n\x1a\n");
  if (!png && !startsWith("\xff\xd8\xff")) {
    return fail(Errc::UnsupportedFormat, "the file is not a PNG or JPEG picture", where);
  }
  banking::Result<GreyImage> image = png ? readPng(bytes, where) : readJpeg(bytes, where);
  if (!image) {
    return image.error();
  }
  GreyImage& grey = image.value();

  std::unique_ptr<zbar::zbar_image_scanner_t, ScannerDeleter> scanner{zbar::zbar_image_scanner_create()};
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  // The bytes as encoded (an IPS QR string is UTF-8): no guessing of a Japanese or Latin-1 charset.
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
  std::unique_ptr<zbar::zbar_image_t, ZbarImageDeleter> zimage{zbar::zbar_image_create()};
  zbar::zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(zimage.get(), grey.width, grey.height);
  // zbar reads the pixels in place; `grey` outlives the scan (no cleanup handler needed).
  zbar::zbar_image_set_data(zimage.get(), grey.pixels.data(), grey.pixels.size(), nullptr);
  if (zbar::zbar_scan_image(scanner.get(), zimage.get()) < 0) {
    return fail(Errc::MalformedFile, "the picture could not be scanned", where);
  }
  for (const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(zimage.get()); symbol != nullptr;
       symbol = zbar::zbar_symbol_next(symbol)) {
    if (zbar::zbar_symbol_get_type(symbol) == zbar::ZBAR_QRCODE) {
      const char* data = zbar::zbar_symbol_get_data(symbol);
      return std::string(data, zbar::zbar_symbol_get_data_length(symbol));
    }
  }
  return fail(Errc::NotFound, "the picture holds no QR code that can be read", where);
}

}  // namespace platnik::services
