// Typography checks over the prose of one source: ASCII stand-ins for quotes, dashes and
// ellipses, stray spaces (each with the replacement `folio check --fix` applies), and
// curly quotes that do not balance.
//
// Quote balance follows the convention for a quotation running over several paragraphs:
// every paragraph of it opens with “ and only the last one closes. So a quotation still
// open at the end of a paragraph is carried into the next one, and is fine there if that
// paragraph opens with the same quotation mark; otherwise it is reported where it opened.
// The convention is about new paragraphs only. A quotation also runs on, not reopened:
// into an inset (a deeper block: a block quote, a poem, a letter's signature), through all
// its paragraphs, and back out to the level it opened at ("… and I had to sing" / poem /
// "You know the song?”"); from one stanza to the next of one poem; and between the lines
// of one signature ("Your affectionate uncle," / "Godwin Lydgate.”"). There the carried
// mark stays open beneath the block's own marks, so a ” in it closes the quotation; a
// quotation opened inside an inset must still close there (or the next paragraph must
// reopen it).
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "check/families.hpp"

namespace folio::check {
namespace {

constexpr char32_t kLeftDouble = U'\u201C';
constexpr char32_t kRightDouble = U'\u201D';
constexpr char32_t kLeftSingle = U'\u2018';
constexpr char32_t kRightSingle = U'\u2019';

// The code point at text[i] and its length; a stray byte (or kOpaque) stands for itself.
char32_t decode(std::string_view t, std::size_t i, std::size_t& len) {
  auto b = static_cast<unsigned char>(t[i]);
  len = 1;
  if (b < 0x80) return b;
  std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > t.size()) return b;
  char32_t cp = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(t[i + k]);
    if ((c & 0xC0) != 0x80) return b;
    cp = (cp << 6) | (c & 0x3F);
  }
  len = n;
  return cp;
}

// The code point before text[i], stepping over emphasis markers; 0 at the block's start.
char32_t before(std::string_view t, std::size_t i) {
  while (i > 0 && (t[i - 1] == '*' || t[i - 1] == '_')) --i;
  if (i == 0) return 0;
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
  std::size_t len;
  return decode(t, start, len);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == U'\u00A0';
}

// True when a quotation mark after `c` opens a quotation rather than closing one.
bool opens_after(char32_t c) {
  return c == 0 || is_space(c) || c == '(' || c == '[' || c == '{' || c == '<' || c == '-' ||
         c == '/' || c == U'\u2014' || c == U'\u2013' || c == kLeftDouble || c == kLeftSingle;
}

bool is_ascii_alnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

class TypographyChecker {
 public:
  TypographyChecker(const ProseSource& s, bool french, support::Diagnostics& diags)
      : s_(s), french_(french), diags_(diags) {}

  void run() {
    for (const ProseBlock& b : s_.prose.blocks) {
      replacements(b);
      balance(b);
    }
    flush_carried();
  }

 private:
  void report(const ProseBlock& b, std::size_t i, std::size_t len, support::Code code,
              std::string message, std::string fix) {
    const std::string& file = s_.file->name;
    std::size_t at = b.source_offset(i);
    diags_.report({support::Severity::warning, code, std::move(message), s_.lines.at(file, at),
                   s_.lines.at(file, at + len), std::move(fix)});
  }
  void report_quote(std::size_t offset, bool opening, bool single) {
    std::string mark = single ? (opening ? "‘" : "’") : (opening ? "“" : "”");
    std::string message =
        opening ? "this " + mark +
                      " opens a quotation that is never closed (a quotation running over "
                      "several paragraphs opens each of them with " +
                      mark + " and closes only the last)"
                : "this " + mark + " closes a quotation that was never opened";
    diags_.warning("unbalanced-quotes", s_.lines.at(s_.file->name, offset), message);
  }
  void replacements(const ProseBlock& b);
  void spaces(const ProseBlock& b, std::size_t i, std::size_t run);
  struct QuoteReport {
    std::size_t offset;
    bool opening, single;
  };
  // An open quotation mark: its source offset and the nest of the block it opened in.
  struct OpenMark {
    std::size_t offset;
    int level;
  };
  // One block's quotation marks read one way: what is reported, and what runs on.
  struct Balance {
    std::vector<QuoteReport> reports;
    std::optional<OpenMark> carried_double, carried_single;
  };
  // `soft_lines`: a line after a soft break may continue a quotation, as after a hard one.
  // `in_double`/`in_single`: the quotations carried into the block, open beneath its marks.
  Balance scan(const ProseBlock& b, bool soft_lines, std::optional<OpenMark> in_double,
               std::optional<OpenMark> in_single) const;
  // Whether a quotation carried out of `prev_` (opened at nest `level`) may run on into `b`
  // without `b` reopening it.
  bool runs_on(const ProseBlock& b, int level) const {
    if (!prev_) return false;
    if (level < b.nest) return true;                   // into an inset, or on within it
    if (b.nest < prev_->nest) return level == b.nest;  // back out to where it opened
    return b.container == prev_->container && ((prev_->verse && b.verse) || b.signature);
  }
  void balance(const ProseBlock& b);
  void flush_carried() {
    if (carried_double_) report_quote(carried_double_->offset, true, false);
    if (carried_single_) report_quote(carried_single_->offset, true, true);
    carried_double_.reset();
    carried_single_.reset();
  }

  const ProseSource& s_;
  bool french_;
  support::Diagnostics& diags_;
  // A quotation mark left open at the end of the previous block.
  std::optional<OpenMark> carried_double_;
  std::optional<OpenMark> carried_single_;
  const ProseBlock* prev_ = nullptr;  // the previous block
};

void TypographyChecker::replacements(const ProseBlock& b) {
  std::string_view t = b.text;
  std::size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == '"') {
      bool open = opens_after(before(t, i));
      report(b, i, 1, "straight-quote",
             open ? "a straight double quote; use an opening “"
                  : "a straight double quote; "
                    "use a closing ”",
             open ? "“" : "”");
    } else if (c == '\'') {
      char32_t prev = before(t, i);
      std::size_t len;
      char32_t next = i + 1 < t.size() ? decode(t, i + 1, len) : 0;
      // After a space an apostrophe opens a quotation, unless it elides digits ('90s).
      bool open = opens_after(prev) && !(next >= '0' && next <= '9');
      std::string message = open ? "a straight single quote; use an opening ‘"
                            : is_ascii_alnum(prev) && is_ascii_alnum(next)
                                ? "a straight apostrophe; use ’"
                                : "a straight single quote or apostrophe; use ’";
      report(b, i, 1, "straight-apostrophe", message, open ? "‘" : "’");
    } else if (c == '-' || c == '.' || c == ' ') {
      std::size_t run = 0;
      while (i + run < t.size() && t[i + run] == c) ++run;
      if (c == '-' && run == 2)
        report(b, i, 2, "ascii-dash", "'--' stands in for a dash; use an en dash –", "–");
      else if (c == '-' && run == 3)
        report(b, i, 3, "ascii-dash", "'---' stands in for a dash; use an em dash —", "—");
      else if (c == '.' && run == 3)
        report(b, i, 3, "ascii-ellipsis", "'...' stands in for an ellipsis; use …", "…");
      else if (c == ' ')
        spaces(b, i, run);
      i += run;
      continue;
    }
    ++i;
  }
}

void TypographyChecker::spaces(const ProseBlock& b, std::size_t i, std::size_t run) {
  std::string_view t = b.text;
  std::size_t j = i + run;
  // Only spaces between two characters of one line: not indentation, not line ends.
  if (i == 0 || t[i - 1] == '\n' || j >= t.size() || t[j] == '\n') return;
  char p = t[j];
  char after = j + 1 < t.size() ? t[j + 1] : ' ';
  bool punct = p == ',' || (p == '.' && after != '.') ||
               (!french_ && (p == ';' || p == ':' || p == '!' || p == '?'));
  // Punctuation ends a word: a space, a closing mark or the block's end follows it.
  bool ends_word = after == ' ' || after == '\n' || after == ')' || after == ']' || after == '"' ||
                   after == '\'' || after == '*' || after == '_' || after == kOpaque ||
                   after == '\xE2' || j + 1 == t.size();
  if (punct && ends_word) {
    report(b, i, run + 1, "space-before-punctuation",
           std::string("a space before '") + p + "'; punctuation follows the word directly",
           std::string(1, p));
  } else if (run >= 2) {
    report(b, i, run, "double-space", std::to_string(run) + " spaces in a row; one is enough", " ");
  }
}

// Where the first character that is not markup stands in `t` from `i` on, and where a
// single mark that continues a quotation would stand (after a continuing “, if any).
std::pair<std::size_t, std::size_t> opening_marks(std::string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == '*' || t[i] == '_' || t[i] == kOpaque)) ++i;
  std::size_t len;
  std::size_t single = i;
  if (i < t.size() && decode(t, i, len) == kLeftDouble) single = i + len;
  return {i, single};
}

TypographyChecker::Balance TypographyChecker::scan(const ProseBlock& b, bool soft_lines,
                                                   std::optional<OpenMark> in_double,
                                                   std::optional<OpenMark> in_single) const {
  std::string_view t = b.text;
  // The marks at the start of a line that may continue a quotation open on the line before
  // (or carried into the block: its opening mark continues it, as a paragraph's would).
  std::vector<std::size_t> cont_double, cont_single;
  {
    auto [first, single] = opening_marks(t, 0);
    cont_double.push_back(first);
    cont_single.push_back(single);
  }
  std::size_t hard = 0;
  for (std::size_t nl = t.find('\n'); nl != std::string_view::npos; nl = t.find('\n', nl + 1)) {
    while (hard < b.hard_breaks.size() && b.hard_breaks[hard] < nl) ++hard;
    bool after_hard = hard < b.hard_breaks.size() && b.hard_breaks[hard] == nl;
    if (!after_hard && !soft_lines) continue;
    auto [first, single] = opening_marks(t, nl + 1);
    std::size_t len;
    if (first < t.size() && decode(t, first, len) == kLeftDouble) cont_double.push_back(first);
    if (single < t.size() && decode(t, single, len) == kLeftSingle) cont_single.push_back(single);
  }
  auto continues = [](const std::vector<std::size_t>& at, std::size_t i) {
    return std::binary_search(at.begin(), at.end(), i);
  };
  Balance out;
  std::vector<OpenMark> doubles, singles;  // the open marks, outermost first
  if (in_double) doubles.push_back(*in_double);
  if (in_single) singles.push_back(*in_single);
  // A mark that continues a quotation keeps the level the quotation opened at.
  auto open_mark = [&](std::vector<OpenMark>& open, const std::vector<std::size_t>& cont,
                       std::size_t i) {
    OpenMark m{b.source_offset(i), b.nest};
    if (!open.empty() && continues(cont, i)) {
      m.level = std::min(m.level, open.back().level);
      open.pop_back();
    }
    open.push_back(m);
  };
  std::size_t len;
  for (std::size_t i = 0; i < t.size(); i += len) {
    char32_t c = decode(t, i, len);
    if (c == kLeftDouble) {
      // A line opening with “ while one is open continues it, as a new paragraph would.
      open_mark(doubles, cont_double, i);
    } else if (c == kRightDouble) {
      if (doubles.empty())
        out.reports.push_back({b.source_offset(i), false, false});
      else
        doubles.pop_back();
    } else if (c == kLeftSingle) {
      open_mark(singles, cont_single, i);
    } else if (c == kRightSingle && !singles.empty()) {
      singles.pop_back();  // otherwise an apostrophe
    }
  }
  // The outermost open mark may run on into the next paragraph; inner ones may not.
  auto settle = [&](std::vector<OpenMark>& open, std::optional<OpenMark>& carried, bool single) {
    if (open.empty()) return;
    for (std::size_t k = 1; k < open.size(); ++k)
      out.reports.push_back({open[k].offset, true, single});
    carried = open.front();
  };
  settle(doubles, out.carried_double, false);
  settle(singles, out.carried_single, true);
  return out;
}

// A heading that only numbers its part ("XII", "3."): a numbered stanza of a poem, which a
// quotation may run over as it runs over paragraphs (each stanza reopening it with “).
bool numbers_only(std::string_view t) {
  if (!t.empty() && t.back() == '.') t.remove_suffix(1);
  if (t.empty()) return false;
  bool digits = std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  bool roman = std::all_of(t.begin(), t.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
  });
  return digits || roman;
}

void TypographyChecker::balance(const ProseBlock& b) {
  std::string_view t = b.text;
  if (b.kind == ProseBlock::Kind::heading && numbers_only(t)) {
    // The quotation carries on, but the next block must reopen it: not a stanza or inset
    // run-on across a heading.
    prev_ = nullptr;
    return;
  }
  if (b.kind == ProseBlock::Kind::heading) flush_carried();
  if (b.figure) {
    // An illustration's alt text stands apart: a quotation runs on past it untouched.
    Balance alt = scan(b, false, std::nullopt, std::nullopt);
    for (const QuoteReport& r : alt.reports) report_quote(r.offset, r.opening, r.single);
    if (alt.carried_double) report_quote(alt.carried_double->offset, true, false);
    if (alt.carried_single) report_quote(alt.carried_single->offset, true, true);
    return;
  }
  // The first character that is not markup decides whether the block continues a quotation.
  auto [first, single_first] = opening_marks(t, 0);
  std::size_t len;
  std::optional<OpenMark> in_double, in_single;
  if (carried_double_) {
    if ((first < t.size() && decode(t, first, len) == kLeftDouble) ||
        runs_on(b, carried_double_->level))
      in_double = carried_double_;
    else
      report_quote(carried_double_->offset, true, false);
  }
  if (carried_single_) {
    if ((single_first < t.size() && decode(t, single_first, len) == kLeftSingle) ||
        runs_on(b, carried_single_->level))
      in_single = carried_single_;
    else
      report_quote(carried_single_->offset, true, true);
  }
  carried_double_.reset();
  carried_single_.reset();
  prev_ = &b;

  // A line after a hard break continues a quotation as a paragraph does ("“Your loving\" /
  // "“Mina."). After a soft break it may be a wrapped line whose “ opens a nested quotation,
  // or a sign-off whose hard breaks a conversion lost: read so only when that balances
  // better, which a nested quotation never does (its ” would close nothing).
  // (A mark left open counts too: it is reported unless the next paragraph continues it.)
  auto open_ends = [](const Balance& r) {
    return r.reports.size() + r.carried_double.has_value() + r.carried_single.has_value();
  };
  Balance chosen = scan(b, false, in_double, in_single);
  if (b.text.find('\n') != std::string::npos && open_ends(chosen) > 0) {
    Balance soft = scan(b, true, in_double, in_single);
    if (open_ends(soft) < open_ends(chosen)) chosen = std::move(soft);
  }
  for (const QuoteReport& r : chosen.reports) report_quote(r.offset, r.opening, r.single);
  carried_double_ = chosen.carried_double;
  carried_single_ = chosen.carried_single;
  if (b.kind == ProseBlock::Kind::heading) flush_carried();
}

}  // namespace

void check_typography(const ProseSource& source, const std::string& lang,
                      support::Diagnostics& diags) {
  // French sets a (thin) space before ; : ! ? — only , and . must follow the word there.
  bool french = lang == "fr" || lang.starts_with("fr-");
  TypographyChecker(source, french, diags).run();
}

}  // namespace folio::check
