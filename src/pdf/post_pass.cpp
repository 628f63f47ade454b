// The qpdf pass (typesetting.md §6): boxes, /Lang, page-label styles, artifacts, fixed /ID.
#include "pdf/post_pass.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "pdf/artifact_filter.hpp"
#include "pdf/artifact_marks.hpp"

namespace folio::pdf {
namespace {

using QOH = QPDFObjectHandle;

// One page's content as Cairo wrote it (a single Flate stream), and the same with its
// artifacts marked, compressed again.
struct PageContent {
  QOH stream;
  std::string cairo;
  bool compressed = true;  // a Flate stream, else plain (leave_cairo_streams_uncompressed)
  std::string marked;
};

std::string inflate(const std::string& z) {
  std::string out;
  Pl_String sink("decoded content", nullptr, out);
  Pl_Flate pipe("content inflate", &sink, Pl_Flate::a_inflate);
  pipe.write(reinterpret_cast<const unsigned char*>(z.data()), z.size());
  pipe.finish();
  return out;
}

// Marks and compresses one page's content. Touches no QPDF object, so pages can be done on
// several threads: each thread has its own pipelines and scanner.
std::string mark_and_deflate(const std::string& cairo, bool compressed) {
  std::string inflated = compressed ? inflate(cairo) : std::string();
  const std::string& decoded = compressed ? inflated : cairo;  // plain content is not copied
  std::string out;
  Pl_String sink("marked content", nullptr, out);
  Pl_Flate deflate("content deflate", &sink, Pl_Flate::a_deflate);
  if (std::optional<std::string> marked = mark_artifacts(decoded)) {
    deflate.write(reinterpret_cast<const unsigned char*>(marked->data()), marked->size());
    deflate.finish();
    return out;
  }
  // What the scanner declines, qpdf's tokenizer marks (the same bytes where both can).
  auto filter = make_artifact_filter();
  Pl_QPDFTokenizer tokens("content artifacts", filter.get(), &deflate);
  tokens.write(reinterpret_cast<const unsigned char*>(decoded.data()), decoded.size());
  tokens.finish();
  return out;
}

// Runs mark_and_deflate over all pages on up to `threads` threads; the first exception (qpdf
// reports bad content by throwing) is rethrown here once all threads are done.
void mark_pages(std::vector<PageContent>& pages, unsigned threads) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    for (std::size_t i = next++; i < pages.size(); i = next++) {
      try {
        pages[i].marked = mark_and_deflate(pages[i].cairo, pages[i].compressed);
      } catch (...) {
        std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < pages.size(); ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads to be had (a process limit): the ones started do the rest
    }
  }
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

// Cairo writes each page as one stream, Flate or (with its compression off) plain: those are
// marked by mark_pages and stored as Flate streams QPDFWriter passes through. Anything else
// goes through qpdf's token filter, which first joins a page's streams.
void collect_page_content(QPDFPageObjectHelper& page, std::vector<PageContent>& simple) {
  QOH contents = page.getObjectHandle().getKey("/Contents");
  if (contents.isStream()) {
    QOH dict = contents.getDict();
    QOH filter = dict.getKey("/Filter");
    bool flate = filter.isNameAndEquals("/FlateDecode");
    if ((flate || filter.isNull()) && !dict.hasKey("/DecodeParms")) {
      std::shared_ptr<Buffer> z = contents.getRawStreamData();
      simple.push_back({contents,
                        std::string(reinterpret_cast<const char*>(z->getBuffer()), z->getSize()),
                        flate,
                        {}});
      return;
    }
  }
  page.addContentTokenFilter(make_artifact_filter());
}

QOH rect(QPDF&, const double r[4]) {
  return QOH::newFromRectangle(QOH::Rectangle(r[0], r[1], r[2], r[3]));
}

bool is_roman(const std::string& s) {
  return !s.empty() && s.find_first_not_of("ivxlcdm") == std::string::npos;
}

int roman_value(const std::string& s) {
  auto v = [](char c) {
    switch (c) {
      case 'i':
        return 1;
      case 'v':
        return 5;
      case 'x':
        return 10;
      case 'l':
        return 50;
      case 'c':
        return 100;
      case 'd':
        return 500;
      default:
        return 1000;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    int a = v(s[i]);
    if (i + 1 < s.size() && a < v(s[i + 1]))
      total -= a;
    else
      total += a;
  }
  return total;
}

// /PageLabels as numbering ranges: lower-case roman and decimal with their starts.
QOH page_labels(const std::vector<std::string>& labels) {
  QOH nums = QOH::newArray();
  std::string prev_style;
  int prev_value = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string& l = labels[i];
    bool digits = !l.empty() && std::all_of(l.begin(), l.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    std::string style = is_roman(l) ? "/r" : digits ? "/D" : "";
    int value = style == "/r" ? roman_value(l) : digits ? std::stoi(l) : 0;
    if (i == 0 || style != prev_style || value != prev_value + 1) {
      QOH d = QOH::newDictionary();
      if (!style.empty()) {
        d.replaceKey("/S", QOH::newName(style));
        if (value != 1) d.replaceKey("/St", QOH::newInteger(value));
      } else {
        d.replaceKey("/P", QOH::newUnicodeString(l));
      }
      nums.appendItem(QOH::newInteger(static_cast<long long>(i)));
      nums.appendItem(d);
    }
    prev_style = style;
    prev_value = value;
  }
  QOH tree = QOH::newDictionary();
  tree.replaceKey("/Nums", nums);
  return tree;
}

// The page rank of a structure element's first content: its /Pg, else its first kid's.
std::optional<std::size_t> first_page(QOH elem, const std::map<QPDFObjGen, std::size_t>& rank,
                                      int depth = 0) {
  if (!elem.isDictionary() || depth > 64) return std::nullopt;
  QOH pg = elem.getKey("/Pg");
  if (pg.isIndirect()) {
    auto it = rank.find(pg.getObjGen());
    if (it != rank.end()) return it->second;
  }
  QOH k = elem.getKey("/K");
  if (k.isDictionary()) return first_page(k, rank, depth + 1);
  if (k.isArray())
    for (int i = 0; i < k.getArrayNItems(); ++i)
      if (auto p = first_page(k.getArrayItem(i), rank, depth + 1)) return p;
  return std::nullopt;
}

// Orders each element's kids by the page their content starts on, stably: the elements of
// pages drawn out of order (the contents, drawn last) go back to where their pages are. Kids
// with no page of their own (marked-content numbers, object references) keep their place
// after the kid before them.
void order_structure(QOH elem, const std::map<QPDFObjGen, std::size_t>& rank, int depth = 0) {
  if (!elem.isDictionary() || depth > 64) return;
  QOH k = elem.getKey("/K");
  if (k.isDictionary()) {
    order_structure(k, rank, depth + 1);
    return;
  }
  if (!k.isArray()) return;
  std::vector<QOH> kids = k.getArrayAsVector();
  std::vector<std::pair<std::size_t, std::size_t>> keys;  // (page rank, position)
  std::size_t last = 0;
  bool sorted = true;
  for (std::size_t i = 0; i < kids.size(); ++i) {
    if (kids[i].isDictionary() && kids[i].getKey("/Type").isNameAndEquals("/StructElem")) {
      if (auto p = first_page(kids[i], rank)) {
        sorted = sorted && *p >= last;
        last = *p;
      }
      order_structure(kids[i], rank, depth + 1);
    }
    keys.push_back({last, i});
  }
  if (sorted) return;
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<QOH> ordered;
  for (const auto& [page, i] : keys) ordered.push_back(kids[i]);
  elem.replaceKey("/K", QOH::newArray(ordered));
}

// Cairo drew page order[k] k-th (the contents last, once their page numbers were known):
// the page tree and the structure tree are put back in page order. The primer's page
// (kPrimerPage) is dropped: nothing refers to it, so it is not written.
void restore_page_order(QPDF& pdf, const std::vector<std::size_t>& order) {
  bool in_order = true;
  for (std::size_t k = 0; k < order.size(); ++k) in_order = in_order && order[k] == k;
  if (in_order) return;
  QOH pages = pdf.getRoot().getKey("/Pages");
  QOH kids = pages.getKey("/Kids");
  if (!kids.isArray() || static_cast<std::size_t>(kids.getArrayNItems()) != order.size())
    throw std::runtime_error("Cairo's page tree is not one flat list of the pages drawn");
  std::size_t book_pages = static_cast<std::size_t>(
      std::count_if(order.begin(), order.end(), [](std::size_t p) { return p != kPrimerPage; }));
  std::vector<QOH> by_index(book_pages);
  for (std::size_t k = 0; k < order.size(); ++k) {
    QOH page = kids.getArrayItem(static_cast<int>(k));
    if (!page.getKey("/Type").isNameAndEquals("/Page"))
      throw std::runtime_error("the drawing order does not match Cairo's pages");
    if (order[k] == kPrimerPage) continue;
    if (order[k] >= book_pages || by_index[order[k]].isInitialized())
      throw std::runtime_error("the drawing order does not match Cairo's pages");
    by_index[order[k]] = page;
  }
  pages.replaceKey("/Kids", QOH::newArray(by_index));
  pages.replaceKey("/Count", QOH::newInteger(static_cast<long long>(by_index.size())));
  pdf.updateAllPagesCache();
  std::map<QPDFObjGen, std::size_t> rank;
  for (std::size_t i = 0; i < by_index.size(); ++i) rank[by_index[i].getObjGen()] = i;
  QOH tree = pdf.getRoot().getKey("/StructTreeRoot");
  if (tree.isDictionary()) order_structure(tree, rank);
}

// Gives the /Span structure elements their languages. Cairo appends each element to its
// parent's kids as it is begun, so a depth-first walk meets them in the order they were begun,
// which is the order of `langs` (paint_content). Run before the pages are put back in order.
void set_span_langs(QPDF& pdf, const std::vector<std::string>& langs) {
  QOH tree = pdf.getRoot().getKey("/StructTreeRoot");
  std::size_t next = 0;
  std::vector<std::pair<QOH, int>> stack;  // (element, depth), walked in document order
  if (tree.isDictionary()) stack.push_back({tree, 0});
  while (!stack.empty()) {
    auto [elem, depth] = stack.back();
    stack.pop_back();
    if (depth > 64) throw std::runtime_error("the structure tree is deeper than 64 levels");
    if (elem.getKey("/S").isNameAndEquals("/Span")) {
      if (next >= langs.size())
        throw std::runtime_error("more language spans in the structure tree than were drawn");
      // No language: the text around a language span, in its block's language.
      if (!langs[next].empty()) elem.replaceKey("/Lang", QOH::newUnicodeString(langs[next]));
      ++next;
    }
    QOH k = elem.getKey("/K");
    std::vector<QOH> kids = k.isArray() ? k.getArrayAsVector() : std::vector<QOH>{k};
    for (auto it = kids.rbegin(); it != kids.rend(); ++it)
      if (it->isDictionary() && it->hasKey("/S")) stack.push_back({*it, depth + 1});
  }
  if (next != langs.size())
    throw std::runtime_error("fewer language spans in the structure tree than were drawn");
}

// Gives the /Figure structure elements their alt text, walked as set_span_langs walks.
void set_figure_alts(QPDF& pdf, const std::vector<std::string>& alts) {
  if (alts.empty()) return;
  QOH tree = pdf.getRoot().getKey("/StructTreeRoot");
  std::size_t next = 0;
  std::vector<std::pair<QOH, int>> stack;
  if (tree.isDictionary()) stack.push_back({tree, 0});
  while (!stack.empty()) {
    auto [elem, depth] = stack.back();
    stack.pop_back();
    if (depth > 64) throw std::runtime_error("the structure tree is deeper than 64 levels");
    if (elem.getKey("/S").isNameAndEquals("/Figure")) {
      if (next >= alts.size())
        throw std::runtime_error("more figures in the structure tree than were drawn");
      elem.replaceKey("/Alt", QOH::newUnicodeString(alts[next++]));
    }
    QOH k = elem.getKey("/K");
    std::vector<QOH> kids = k.isArray() ? k.getArrayAsVector() : std::vector<QOH>{k};
    for (auto it = kids.rbegin(); it != kids.rend(); ++it)
      if (it->isDictionary() && it->hasKey("/S")) stack.push_back({*it, depth + 1});
  }
  if (next != alts.size())
    throw std::runtime_error("fewer figures in the structure tree than were drawn");
}

}  // namespace

std::string post_process(const PostPassInput& in, std::string& error) {
  try {
    QPDF pdf;
    pdf.processMemoryFile("cairo.pdf", in.pdf.data(), in.pdf.size());
    set_span_langs(pdf, in.span_langs);
    set_figure_alts(pdf, in.figure_alts);
    restore_page_order(pdf, in.order);
    QOH root = pdf.getRoot();
    if (!in.lang.empty()) root.replaceKey("/Lang", QOH::newUnicodeString(in.lang));
    root.replaceKey("/ViewerPreferences", QOH::parse("<< /DisplayDocTitle true >>"));
    // Open on the outline, when the PDF has one (a KDP interior has none).
    if (in.outline)
      root.replaceKey("/PageMode", QOH::newName("/UseOutlines"));
    else
      root.removeKey("/Outlines");
    root.replaceKey("/PageLabels", page_labels(in.labels));

    QOH info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) {
      for (const char* k : {"/CreationDate", "/ModDate"}) {
        if (!in.date.empty()) {
          info.replaceKey(k, QOH::newString(in.date));
          continue;
        }
        if (!info.hasKey(k)) continue;
        std::string v = info.getKey(k).getUTF8Value();
        if (v.rfind("D:", 0) != 0) v = "D:" + v;
        info.replaceKey(k, QOH::newString(v));
      }
      info.replaceKey("/Producer", QOH::newUnicodeString(in.producer));
    }
    QOH outlines = root.getKey("/Outlines");
    if (outlines.isDictionary() && outlines.hasKey("/Count")) {
      long long c = outlines.getKey("/Count").getIntValue();
      if (c < 0) outlines.replaceKey("/Count", QOH::newInteger(-c));
    }
    if (!in.xmp.empty()) {
      QOH md = QOH::newStream(&pdf, in.xmp);
      md.getDict().replaceKey("/Type", QOH::newName("/Metadata"));
      md.getDict().replaceKey("/Subtype", QOH::newName("/XML"));
      root.replaceKey("/Metadata", md);
    }

    std::vector<PageContent> contents;
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (std::size_t i = 0; i < pages.size(); ++i) {
      QOH page = pages[i].getObjectHandle();
      if (i < in.boxes.size()) {
        page.replaceKey("/TrimBox", rect(pdf, in.boxes[i].trim));
        page.replaceKey("/BleedBox", rect(pdf, in.boxes[i].bleed));
        page.replaceKey("/ArtBox", rect(pdf, in.boxes[i].trim));
      }
      collect_page_content(pages[i], contents);
    }
    unsigned threads = in.threads ? in.threads : std::min(4u, std::thread::hardware_concurrency());
    mark_pages(contents, std::max(1u, threads));
    for (PageContent& c : contents) {
      auto marked = std::make_shared<Buffer>(c.marked.size());
      std::copy(c.marked.begin(), c.marked.end(), marked->getBuffer());
      c.stream.replaceStreamData(marked, QOH::newName("/FlateDecode"), QOH::newNull());
      c.cairo.clear();
      c.marked.clear();
    }
    apply_print_colour(pdf, in.colour);
    if (in.pdfx) mark_pdfx1a(pdf, *in.pdfx);

    QPDFWriter w(pdf);
    w.setOutputMemory();
    w.setDeterministicID(true);
    // PDF/X-1a:2001 is PDF 1.3: a classic cross-reference table, no object streams.
    w.setObjectStreamMode(in.pdfx ? qpdf_o_disable : qpdf_o_generate);
    // Streams stay as they are: the pages were compressed by mark_pages, Cairo's fonts and
    // images by Cairo. (By default qpdf would inflate and deflate every one of them again.)
    w.setDecodeLevel(qpdf_dl_none);
    w.forcePDFVersion(in.pdfx ? "1.3" : "1.7");
    w.write();
    auto buffer = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    error = e.what();
    return {};
  }
}

}  // namespace folio::pdf
