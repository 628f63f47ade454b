// PdfPageDrawer: draws finished pages onto a Cairo PDF surface, on a thread of its own if asked.
#pragma once

#include <cairo.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "pdf/cairo_render.hpp"
#include "typeset/page_sink.hpp"

namespace folio::pdf {

/// Asks Cairo to write the PDF surfaces made from now on without compressing their page
/// contents: the post-pass marks each page's content and compresses it anyway, so Cairo's
/// compression was work done twice (0.1 s of CPU on a 150,000-word book). Cairo 1.16 has no API
/// for it, only the CAIRO_DEBUG_PDF variable, read when a surface is made: call this at startup,
/// before any thread starts (setenv is not thread-safe). Cairo still compresses its fonts; what
/// else it leaves plain (ToUnicode maps) QPDFWriter compresses. The page contents come out
/// the same either way.
void leave_cairo_streams_uncompressed();

/// Given to the typesetter as its PageSink, it draws each page as soon as the page is final,
/// so drawing overlaps setting the rest. Pages are drawn in the order they are handed over
/// (typeset::drawing_order); the post-pass puts them back in page order. Drawing on a thread
/// of its own or on the caller's gives the same bytes.
class PdfPageDrawer final : public typeset::PageSink {
 public:
  /// `width` and `height`: the trim size in points.
  PdfPageDrawer(double width, double height, const RenderMetadata& meta,
                const PrintGeometry& geometry, bool own_thread);
  /// Stops drawing (what is not drawn is dropped) and frees the surface.
  ~PdfPageDrawer() override;
  PdfPageDrawer(const PdfPageDrawer&) = delete;
  PdfPageDrawer& operator=(const PdfPageDrawer&) = delete;

  void page_done(const typeset::PagedDocument& doc, std::size_t index) override;
  /// When set (before the first page), each page's glyphs and cluster maps are freed as soon
  /// as the page is drawn: Cairo holds them from then on, and keeping them for the whole book
  /// is most of a build's memory. The runs keep their text and positions (the editions check
  /// reads those), but such pages cannot be drawn again.
  void release_glyphs_when_drawn(bool release) { release_ = release; }
  void abandon() noexcept override;

  /// Draws what is still queued, adds `doc`'s outline and finishes the PDF. Every page of
  /// `doc` must have been handed over. A second call returns an error.
  Rendered finish(const typeset::PagedDocument& doc);

 private:
  struct Job {
    const typeset::Page* page;
    std::size_t index;
  };
  void drain();
  void draw(const Job& job, const std::vector<cairo_scaled_font_t*>& fonts);
  void stop() noexcept;

  double width_, height_;
  PrintGeometry geo_;
  double slug_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  bool shown_all_ = true;  // the last page drawn has been shown (cairo_show_page)
  std::string pdf_;
  std::vector<PageBoxes> boxes_;           // by page index
  std::vector<std::size_t> order_;         // page indices in the order drawn; kPrimerPage first
  std::vector<std::string> span_langs_;    // Rendered::span_langs
  Rendered drawn_;                         // its figure_alts and picture_errors so far
  std::vector<typeset::GlyphRun> primer_;  // taken from the document with the first page
  bool primer_taken_ = false;
  bool primed_ = false;
  bool release_ = false;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::vector<cairo_scaled_font_t*> fonts_;  // by font index; referenced
  bool closing_ = false;                     // no more jobs: drain the queue and return
  bool stopped_ = false;                     // drop the queue and return
  std::thread thread_;
};

}  // namespace folio::pdf
