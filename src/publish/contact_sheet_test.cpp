// Contact sheets: spreads put verso left and recto right; the PNG holds what was drawn.
#include "publish/contact_sheet.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace folio::publish;
namespace fs = std::filesystem;

namespace {

// A book of `n` 72 × 108 pt pages, page 1 a recto; each page paints a black box in its
// top-left quarter, so a test can find every page's ink in the PNG.
class BoxPages : public PrintPages {
 public:
  explicit BoxPages(std::size_t n) : n_(n) {}
  std::size_t count() const override { return n_; }
  double width() const override { return 72; }
  double height() const override { return 108; }
  bool recto(std::size_t i) const override { return i % 2 == 0; }
  std::string label(std::size_t i) const override { return std::to_string(i + 1); }
  void draw(cairo_t* cr, std::size_t) const override {
    cairo_rectangle(cr, 0, 0, 36, 54);
    cairo_fill(cr);
  }

 private:
  std::size_t n_;
};

TEST(ContactSheet, PageOneStandsAloneOnTheRight) {
  BoxPages pages(8);
  SheetLayout s = layout_sheet(pages, 0, 7, 144);  // 2 px per point
  EXPECT_EQ(s.page_width, 144);
  EXPECT_EQ(s.page_height, 216);
  // Spreads: [-,1] [2,3] [4,5] [6,7] [8,-]: five, two to a row, three rows.
  ASSERT_EQ(s.slots.size(), 8u);
  EXPECT_EQ(s.slots[0].page, 0u);
  // Page 1 (a recto) sits one page width to the right of its spread's left edge.
  double left_edge = 16;
  EXPECT_EQ(s.slots[0].x, left_edge + s.page_width);
  // Pages 2 and 3 face each other in the next spread: verso left, recto right, same row.
  EXPECT_EQ(s.slots[1].page, 1u);
  EXPECT_EQ(s.slots[2].page, 2u);
  EXPECT_EQ(s.slots[2].x, s.slots[1].x + s.page_width);
  EXPECT_EQ(s.slots[1].y, s.slots[0].y);
  // Page 8, a verso, opens the last spread on the third row, on the left.
  EXPECT_EQ(s.slots[7].page, 7u);
  EXPECT_EQ(s.slots[7].x, left_edge);
  EXPECT_GT(s.slots[7].y, s.slots[3].y);
  EXPECT_EQ(s.width, static_cast<int>(2 * 16 + 2 * 2 * 144 + 24));
}

TEST(ContactSheet, WritesAPngWithEachPagesInk) {
  BoxPages pages(3);
  SheetLayout s = layout_sheet(pages, 0, 2, 72);
  fs::path png = fs::temp_directory_path() / ("folio-sheet-" + std::to_string(::getpid()) + ".png");
  ASSERT_EQ(write_contact_sheet(pages, s, png), "");
  cairo_surface_t* img = cairo_image_surface_create_from_png(png.c_str());
  ASSERT_EQ(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(img), s.width);
  EXPECT_EQ(cairo_image_surface_get_height(img), s.height);
  unsigned char* data = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  auto pixel = [&](double x, double y) {
    auto* p =
        reinterpret_cast<std::uint32_t*>(data + static_cast<int>(y) * stride) + static_cast<int>(x);
    return *p & 0xFFFFFF;
  };
  for (const SheetSlot& slot : s.slots) {
    EXPECT_EQ(pixel(slot.x + 10, slot.y + 10), 0x000000u) << "ink of page " << slot.page + 1;
    EXPECT_EQ(pixel(slot.x + s.page_width - 10, slot.y + s.page_height - 10), 0xFFFFFFu)
        << "paper of page " << slot.page + 1;
  }
  // Where page 1's verso would be: the desk, not paper.
  EXPECT_NE(pixel(s.slots[0].x - 10, s.slots[0].y + 10), 0xFFFFFFu);
  cairo_surface_destroy(img);
  fs::remove(png);
}

TEST(ContactSheet, RefusesAHugeSheet) {
  BoxPages pages(400);  // 200 rows of 600 × 900 px pages: far past Cairo's 32767 px
  SheetLayout s = layout_sheet(pages, 0, 399, 600);
  std::string error = write_contact_sheet(pages, s, "/nonexistent/x.png");
  EXPECT_NE(error.find("lower --dpi"), std::string::npos) << error;
}

}  // namespace
