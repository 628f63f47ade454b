// Linear comparisons of word lists; on a difference, the model is walked once for a position.
#include "editions/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "editions/model_words.hpp"

namespace folio::editions {
namespace {

// Which of an edition's word lists is compared.
enum class Stream { text, notes, captions };

std::string quoted_word(const WordList& words, std::size_t i) {
  return i < words.size() ? fmt::format("'{}'", std::string(words[i]))
                          : std::string("nothing (its text ends)");
}

// Up to three words before `i`, to find the place by eye.
std::string context(const WordList& words, std::size_t i) {
  std::size_t from = i >= 3 ? i - 3 : 0;
  std::string out;
  for (std::size_t k = from; k < i && k < words.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += words[k];
  }
  return out.empty() ? "at the start" : fmt::format("after '{}'", out);
}

std::string normalised_space(const std::string& s) {
  std::istringstream in(s);
  std::string word, out;
  while (in >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

// Reports the first difference between two word lists; true when they are the same.
bool compare_words(const WordList& e, const std::vector<TextPart>& e_parts, const WordList& p,
                   const std::vector<TextPart>& p_parts, const model::Document& doc, Stream stream,
                   support::Diagnostics& diags) {
  bool notes = stream == Stream::notes;
  std::size_t n = std::min(e.size(), p.size());
  std::size_t i = 0;
  while (i < n && e[i] == p[i]) ++i;
  if (i == e.size() && i == p.size()) return true;
  // The EPUB names the section (one content document each); the PDF names the page.
  const TextPart* part = part_at(e_parts, i < e.size() ? i : (e.empty() ? 0 : e.size() - 1));
  const TextPart* page = part_at(p_parts, i < p.size() ? i : (p.empty() ? 0 : p.size() - 1));
  int section = part ? part->section : -1;
  std::size_t local = part ? i - std::min(i, part->first_word) : i;
  std::string where =
      part ? (section >= 0 ? fmt::format("'{}' ({})", section_name(doc, section), part->name)
                           : part->name)
           : std::string("the book");
  bool captions = stream == Stream::captions;
  std::string what = notes ? "footnotes" : captions ? "figure captions" : "text";
  diags.error(notes      ? support::Code("editions-notes-differ")
              : captions ? support::Code("editions-captions-differ")
                         : support::Code("editions-text-differs"),
              captions ? caption_word_position(doc, section, local)
                       : word_position(doc, section, local, notes),
              fmt::format("the EPUB's and the PDF's {} differ in {}, word {} of its {} ({}): the "
                          "EPUB has {}, the PDF has {}{}",
                          what, where, local + 1,
                          notes      ? "notes"
                          : captions ? "captions"
                                     : "text",
                          context(e, i), quoted_word(e, i), quoted_word(p, i),
                          page ? fmt::format(" on page {}", page->name) : std::string()));
  return false;
}

bool compare_toc(const EditionText& epub, const EditionText& pdf, const model::Document& doc,
                 support::Diagnostics& diags) {
  std::size_t n = std::max(epub.toc.size(), pdf.toc.size());
  for (std::size_t k = 0; k < n; ++k) {
    std::string e = k < epub.toc.size() ? normalised_space(epub.toc[k]) : std::string();
    std::string p = k < pdf.toc.size() ? normalised_space(pdf.toc[k]) : std::string();
    if (e == p) continue;
    // The outline's entry k is the k-th section with a heading.
    support::SourcePos pos;
    std::size_t titled = 0;
    for (const model::Section& s : doc.sections)
      if (s.heading && titled++ == k) pos = s.heading->source;
    auto shown = [](const std::string& t) {
      return t.empty() ? std::string("no entry") : "'" + t + "'";
    };
    diags.error("editions-toc-differs", pos,
                fmt::format("the EPUB's table of contents and the PDF's outline differ at entry "
                            "{}: the EPUB has {}, the PDF has {}",
                            k + 1, shown(e), shown(p)));
    return false;
  }
  return true;
}

bool compare_page_starts(const EditionText& epub, const EditionText& pdf,
                         const model::Document& doc, support::Diagnostics& diags) {
  std::unordered_map<std::string, std::size_t> pdf_start;
  for (const PageStartWord& s : pdf.page_starts) pdf_start.emplace(s.label, s.word);
  auto report = [&](const PageStartWord& s, std::string message) {
    const TextPart* part = part_at(epub.parts, s.word);
    int section = part ? part->section : -1;
    std::size_t local = part ? s.word - std::min(s.word, part->first_word) : s.word;
    diags.error("editions-page-differs", word_position(doc, section, local, false),
                std::move(message));
  };
  for (const PageStartWord& s : epub.page_starts) {
    auto it = pdf_start.find(s.label);
    if (it == pdf_start.end()) {
      report(s, fmt::format("the EPUB marks the start of page {}, which the PDF has no section "
                            "text on",
                            s.label));
      return false;
    }
    if (it->second != s.word) {
      report(s, fmt::format("the EPUB's marker for page {} stands before {}, but the PDF's page "
                            "{} begins with {}",
                            s.label, quoted_word(epub.words, s.word), s.label,
                            quoted_word(pdf.words, it->second)));
      return false;
    }
  }
  // Every EPUB marker matched: a PDF page start without one is named, and placed (the
  // texts agree, so its word is the EPUB's too).
  std::unordered_map<std::string, bool> marked;
  for (const PageStartWord& s : epub.page_starts) marked[s.label] = true;
  for (const PageStartWord& s : pdf.page_starts) {
    if (marked.count(s.label)) continue;
    report(s, fmt::format("the PDF's page {} begins with {}, but the EPUB's text has no marker "
                          "for it (the EPUB marks {} page starts, the PDF has {} pages with "
                          "section text; a marker inside a note does not count)",
                          s.label, quoted_word(pdf.words, s.word), epub.page_starts.size(),
                          pdf.page_starts.size()));
    return false;
  }
  if (epub.page_starts.size() != pdf.page_starts.size()) {
    diags.error("editions-page-differs", {},
                fmt::format("the EPUB marks {} page starts, the PDF has {} pages with section text",
                            epub.page_starts.size(), pdf.page_starts.size()));
    return false;
  }
  return true;
}

}  // namespace

const TextPart* part_at(const std::vector<TextPart>& parts, std::size_t index) {
  auto it = std::upper_bound(parts.begin(), parts.end(), index,
                             [](std::size_t i, const TextPart& p) { return i < p.first_word; });
  if (it == parts.begin()) return nullptr;
  // Empty parts share their start with the next one; the last of them holds the word.
  return &*std::prev(it);
}

Comparison compare_editions(const EditionText& epub, const EditionText& pdf,
                            const model::Document& doc, support::Diagnostics& diags) {
  Comparison c;
  c.words = epub.words.size() + epub.caption_words.size();  // captions are words compared too
  c.note_words = epub.note_words.size();
  c.toc_entries = epub.toc.size();
  c.page_starts = epub.page_starts.size();
  bool text = compare_words(epub.words, epub.parts, pdf.words, pdf.parts, doc, Stream::text, diags);
  bool notes = compare_words(epub.note_words, epub.note_parts, pdf.note_words, pdf.note_parts, doc,
                             Stream::notes, diags);
  bool captions = compare_words(epub.caption_words, epub.caption_parts, pdf.caption_words,
                                pdf.caption_parts, doc, Stream::captions, diags);
  bool toc = compare_toc(epub, pdf, doc, diags);
  // Page starts are word indices: they only mean the same place when the texts agree.
  bool pages = !text || epub.page_starts.empty() || compare_page_starts(epub, pdf, doc, diags);
  c.same = text && notes && captions && toc && pages;
  return c;
}

}  // namespace folio::editions
