// Unit tests for the zip container: entry order, stored mimetype, equal bytes for equal input.
#include "epub/zip_writer.hpp"

#include <gtest/gtest.h>
#include <zip.h>

using namespace folio;

namespace {

std::optional<std::string> build(std::int64_t time) {
  epub::ZipWriter zip(epub::dos_time(time));
  EXPECT_TRUE(zip.add("mimetype", "application/epub+zip", true));
  EXPECT_TRUE(zip.add("META-INF/container.xml", std::string(2000, 'x'), false));
  EXPECT_TRUE(zip.add("EPUB/empty.txt", "", false));
  return zip.finish();
}

}  // namespace

TEST(ZipWriter, MimetypeFirstStoredWithoutExtraField) {
  auto bytes = build(1700000000);
  ASSERT_TRUE(bytes);
  // The local header of the first entry: name at offset 30, no extra field, data right after.
  ASSERT_GT(bytes->size(), 58u);
  EXPECT_EQ(bytes->substr(0, 4), "PK\x03\x04");
  EXPECT_EQ(static_cast<unsigned char>((*bytes)[8]), 0u);   // compression method: stored
  EXPECT_EQ(static_cast<unsigned char>((*bytes)[28]), 0u);  // extra field length
  EXPECT_EQ(bytes->substr(30, 8), "mimetype");
  EXPECT_EQ(bytes->substr(38, 20), "application/epub+zip");

  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes->data(), bytes->size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  ASSERT_NE(za, nullptr);
  ASSERT_EQ(zip_get_num_entries(za, 0), 3);
  EXPECT_STREQ(zip_get_name(za, 1, 0), "META-INF/container.xml");
  zip_stat_t st;
  ASSERT_EQ(zip_stat_index(za, 1, 0, &st), 0);
  EXPECT_EQ(st.comp_method, ZIP_CM_DEFLATE);
  EXPECT_EQ(st.size, 2000u);
  zip_close(za);
  zip_error_fini(&err);
}

TEST(ZipWriter, SameInputSameBytes) {
  auto a = build(1700000000);
  auto b = build(1700000000);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  auto c = build(1700000002);  // the time is the only input that changes the bytes here
  ASSERT_TRUE(c);
  EXPECT_NE(*a, *c);
}

// Content deflated beforehand (deflate_entry) makes the archive libzip makes from the bytes,
// and it reads back as the original.
TEST(ZipWriter, EntriesDeflatedBeforehandGiveTheSameArchive) {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "<p>Paragraph " + std::to_string(i * 7919 % 1000) + " of a chapter.</p>\n";
  auto archive = [&](bool ahead) {
    epub::ZipWriter zip(epub::dos_time(1700000000));
    EXPECT_TRUE(zip.add("mimetype", "application/epub+zip", true));
    if (ahead) {
      auto deflated = epub::deflate_entry(text);
      EXPECT_TRUE(deflated);
      if (deflated) {
        EXPECT_LT(deflated->data.size(), text.size() / 4);
      }
      EXPECT_TRUE(deflated && zip.add("EPUB/text/001.xhtml", std::move(*deflated)));
    } else {
      EXPECT_TRUE(zip.add("EPUB/text/001.xhtml", text, false));
    }
    EXPECT_TRUE(zip.add("EPUB/empty.txt", "", false));
    return zip.finish();
  };
  auto plain = archive(false), ahead = archive(true);
  ASSERT_TRUE(plain && ahead);
  EXPECT_TRUE(*plain == *ahead);

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(ahead->data(), ahead->size(), 0, &error);
  ASSERT_TRUE(src);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  ASSERT_TRUE(z) << zip_error_strerror(&error);
  zip_file_t* f = zip_fopen(z, "EPUB/text/001.xhtml", 0);
  ASSERT_TRUE(f);
  std::string back(text.size() + 1, '\0');
  zip_int64_t n = zip_fread(f, back.data(), back.size());  // checks the CRC at the end
  zip_fclose(f);
  zip_close(z);
  zip_error_fini(&error);
  ASSERT_EQ(n, static_cast<zip_int64_t>(text.size()));
  back.resize(static_cast<std::size_t>(n));
  EXPECT_TRUE(back == text);
}

TEST(ZipWriter, DosTimes) {
  epub::DosTime d = epub::dos_time(617587200 + 13 * 3600 + 14 * 60 + 15);
  EXPECT_EQ(d.date, ((1989 - 1980) << 9) | (7 << 5) | 28);
  EXPECT_EQ(d.time, (13 << 11) | (14 << 5) | 7);  // DOS keeps seconds / 2
  // Zip cannot store dates before 1980 (an 1897 build time among them): they clamp to its
  // first day; nor after 2107: its last second.
  EXPECT_EQ(epub::dos_time(0).date, (0 << 9) | (1 << 5) | 1);
  EXPECT_EQ(epub::dos_time(-2291068800).date, (0 << 9) | (1 << 5) | 1);
  EXPECT_EQ(epub::dos_time(253402300799).date, (127 << 9) | (12 << 5) | 31);
}
