// Unit tests for the PNG and JPEG structure check.
#include "support/image_info.hpp"

#include <gtest/gtest.h>

#include <string>

namespace folio::support {
namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// A PNG's structure (the CRCs are not checked, so zeros do).
std::string chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<std::uint32_t>(data.size())) + type + data + std::string(4, '\0');
}

std::string png(std::uint32_t w, std::uint32_t h, bool with_end = true) {
  std::string out("\x89PNG\r\n\x1A\n", 8);
  out += chunk("IHDR", be32(w) + be32(h) + std::string("\x08\x02\x00\x00\x00", 5));
  out += chunk("IDAT", "xyz");
  if (with_end) out += chunk("IEND", "");
  return out;
}

std::string jpeg(std::uint16_t w, std::uint16_t h, bool with_end = true) {
  std::string out("\xFF\xD8", 2);
  out += std::string("\xFF\xE0\x00\x04\x00\x00", 6);  // APP0
  out += std::string("\xFF\xC0\x00\x0B\x08", 5) + static_cast<char>(h >> 8) + static_cast<char>(h) +
         static_cast<char>(w >> 8) + static_cast<char>(w) + std::string("\x01\x01\x11\x00", 4);
  out += std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);
  out += std::string("\x12\xFF\x00\x34\xFF\xD0\x56", 7);  // data, a stuffed FF, a restart
  if (with_end) out += std::string("\xFF\xD9", 2);
  return out;
}

TEST(ImageInfo, WholeFilesGiveTheirSize) {
  std::string why;
  auto p = inspect_image(png(640, 480), why);
  ASSERT_TRUE(p) << why;
  EXPECT_STREQ(p->format, "PNG");
  EXPECT_EQ(p->width, 640u);
  EXPECT_EQ(p->height, 480u);
  auto j = inspect_image(jpeg(300, 200), why);
  ASSERT_TRUE(j) << why;
  EXPECT_STREQ(j->format, "JPEG");
  EXPECT_EQ(j->width, 300u);
  EXPECT_EQ(j->height, 200u);
}

TEST(ImageInfo, CutShortOrDamagedFilesAreRefused) {
  std::string why;
  EXPECT_FALSE(inspect_image(png(10, 10, false), why));
  EXPECT_NE(why.find("IEND"), std::string::npos) << why;
  std::string whole = png(10, 10);
  for (std::size_t n = 0; n < whole.size(); ++n)
    EXPECT_FALSE(inspect_image(whole.substr(0, n), why)) << n;
  EXPECT_FALSE(inspect_image(std::string("\xFF\xD8\xFF", 3), why));  // the 3-byte JPEG
  EXPECT_FALSE(inspect_image(jpeg(10, 10, false), why));
  std::string wholej = jpeg(10, 10);
  for (std::size_t n = 0; n < wholej.size(); ++n)
    EXPECT_FALSE(inspect_image(wholej.substr(0, n), why)) << n;
  EXPECT_FALSE(inspect_image(png(0, 10), why));
  EXPECT_FALSE(inspect_image(jpeg(0, 10), why));
  EXPECT_FALSE(inspect_image("GIF89a", why));
}

TEST(ImageInfo, SizeLimits) {
  std::string why;
  auto big = inspect_image(png(30000, 30000), why);
  ASSERT_TRUE(big) << why;
  EXPECT_NE(image_size_problem(*big).find("30000×30000"), std::string::npos);
  EXPECT_TRUE(image_size_problem({"PNG", 20000, 5000}).empty());  // 100 MP exactly is fine
  EXPECT_TRUE(image_size_problem({"PNG", 10000, 10000}).empty());
  EXPECT_FALSE(image_size_problem({"PNG", 10001, 10000}).empty());
  EXPECT_FALSE(image_size_problem({"JPEG", 20001, 1}).empty());
}

}  // namespace
}  // namespace folio::support
