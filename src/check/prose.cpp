// Prose mapping in two passes: lines into blocks (containers, fences, markers), then inline
// masking within each block (escapes, code spans, HTML, link destinations, attributes).
#include "check/prose.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "manuscript/attributes.hpp"
#include "manuscript/markdown_lines.hpp"

namespace folio::check {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string normalise_label(std::string_view label) {
  std::string out(label);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A thematic break (three or more of one of - * _) or a setext underline (= or -).
bool is_rule(std::string_view body) {
  char c = body[0];
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  std::size_t count = 0;
  for (char b : body) {
    if (b == c)
      ++count;
    else if (!is_space(b))
      return false;
  }
  return count >= 3 || c == '=' || c == '-';
}

// An HTML block start: `<tag`, `</tag` followed by a space, `>`, `/` or the line end.
bool html_block_start(std::string_view body) {
  std::size_t i = 1;
  if (i < body.size() && body[i] == '/') ++i;
  if (i >= body.size() || !is_alpha(body[i])) return false;
  while (i < body.size() && (std::isalnum(static_cast<unsigned char>(body[i])) || body[i] == '-'))
    ++i;
  return i == body.size() || is_space(body[i]) || body[i] == '>' || body[i] == '/';
}

// `[^label]` at `s[i]`: the index just past `]`, or npos.
std::size_t footnote_label_end(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || s[i] != '[' || s[i + 1] != '^') return std::string_view::npos;
  std::size_t j = i + 2;
  while (j < s.size() && s[j] != ']' && s[j] != '[' &&
         !std::isspace(static_cast<unsigned char>(s[j])))
    ++j;
  if (j >= s.size() || s[j] != ']' || j == i + 2) return std::string_view::npos;
  return j + 1;
}

// The length of a list marker (`- `, `* `, `+ `, `1. `, `1) `) opening `body`, or 0.
std::size_t list_marker(std::string_view body) {
  std::size_t i = 0;
  if (body[0] == '-' || body[0] == '*' || body[0] == '+') {
    i = 1;
  } else {
    while (i < body.size() && i < 9 && is_digit(body[i])) ++i;
    if (i == 0 || i >= body.size() || (body[i] != '.' && body[i] != ')')) return 0;
    ++i;
  }
  if (i < body.size() && !is_space(body[i])) return 0;
  while (i < body.size() && is_space(body[i])) ++i;
  return i;
}

class Mapper {
 public:
  Mapper(std::string_view src, const std::vector<bool>& code_line,
         const std::vector<bool>& table_line)
      : src_(src), code_line_(code_line), table_line_(table_line) {}

  ProseMap run();

 private:
  void line(int number, std::size_t offset, std::string_view text);
  void table_row(std::size_t offset, std::string_view row, int depth);
  void close();
  // Appends source bytes [offset, offset + text.size()) as a new line of the open block,
  // opening one (of `kind`) when `fresh` or when none is open.
  void append(std::size_t offset, std::string_view text, int depth, bool fresh,
              ProseBlock::Kind kind = ProseBlock::Kind::paragraph);
  void mask_inlines(ProseBlock& b);

  std::string_view src_;
  const std::vector<bool>& code_line_;
  const std::vector<bool>& table_line_;
  ProseMap map_;
  std::optional<ProseBlock> open_;
  bool open_is_line_block_ = false;
  bool last_line_hard_ = false;                 // the line last appended ended with a hard break
  std::optional<manuscript::CodeFence> fence_;  // the code fence the line is in
  bool in_html_comment_ = false;
  bool in_html_block_ = false;
  // Inside a footnote definition: its further blocks are indented four spaces (CommonMark's
  // list-item rule), which belong to the note, not to an indented code block.
  bool in_definition_ = false;
  // The fenced divs open around the current line, innermost last: is each a signature?
  std::vector<bool> divs_;
  int serial_ = 0;      // bumped on every div fence and change of block quote depth
  int last_depth_ = 0;  // the block quote depth of the last block opened
};

ProseMap Mapper::run() {
  std::size_t pos = 0;
  int number = 0;
  while (pos < src_.size()) {
    ++number;
    std::size_t nl = src_.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? src_.size() : nl;
    std::size_t begin = pos;
    if (number == 1 && src_.substr(0, 3) == "\xEF\xBB\xBF") begin = 3;
    std::size_t stop = end;
    if (stop > begin && src_[stop - 1] == '\r') --stop;
    line(number, begin, src_.substr(begin, stop - begin));
    pos = nl == std::string_view::npos ? src_.size() : nl + 1;
  }
  close();
  return std::move(map_);
}

void Mapper::close() {
  if (!open_) return;
  mask_inlines(*open_);
  map_.blocks.push_back(std::move(*open_));
  open_.reset();
  open_is_line_block_ = false;
}

void Mapper::append(std::size_t offset, std::string_view text, int depth, bool fresh,
                    ProseBlock::Kind kind) {
  // A hard break ends this line: two spaces, or a backslash that is not itself escaped.
  std::size_t spaces = 0;
  while (spaces < text.size() && text[text.size() - 1 - spaces] == ' ') ++spaces;
  std::size_t slashes = 0;
  while (slashes < text.size() && text[text.size() - 1 - slashes] == '\\') ++slashes;
  bool hard = spaces >= 2 || slashes % 2 == 1;
  // Trailing spaces are a hard break or noise, never prose.
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (fresh || !open_) {
    close();
    open_.emplace();
    open_->kind = kind;
    open_->depth = depth;
    if (depth != last_depth_) ++serial_;
    last_depth_ = depth;
    open_->nest = depth + static_cast<int>(divs_.size());
    open_->container = serial_;
    open_->signature = std::find(divs_.begin(), divs_.end(), true) != divs_.end();
  } else {
    if (last_line_hard_ || open_is_line_block_) open_->hard_breaks.push_back(open_->text.size());
    open_->text += '\n';
  }
  last_line_hard_ = hard;
  if (text.empty()) return;
  open_->segments.push_back({open_->text.size(), offset});
  open_->text.append(text);
}

// A pipe table's row: each cell's text (trimmed) a one-line block; the delimiter row (only
// pipes, dashes, colons and spaces) none.
void Mapper::table_row(std::size_t offset, std::string_view row, int depth) {
  if (row.find_first_not_of("|-: \t") == std::string_view::npos) return;
  std::size_t start = 0;
  auto cell = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && is_space(row[b])) ++b;
    while (e > b && is_space(row[e - 1])) --e;
    if (e > b) {
      append(offset + b, row.substr(b, e - b), depth, true);
      close();
    }
  };
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\') {
      ++i;  // an escaped pipe belongs to the cell
      continue;
    }
    if (row[i] != '|') continue;
    cell(i);
    start = i + 1;
  }
  cell(row.size());
}

void Mapper::line(int number, std::size_t offset, std::string_view text) {
  if (in_definition_) {
    // A note's block goes on while its lines are indented (or blank); an unindented line
    // ends it, unless it lazily continues the note's open paragraph.
    if (text.starts_with("    ")) {
      offset += 4;
      text.remove_prefix(4);
    } else if (text.starts_with("\t")) {
      offset += 1;
      text.remove_prefix(1);
    } else if (!text.empty() && text.find_first_not_of(" \t\r") != std::string_view::npos &&
               !open_) {
      in_definition_ = false;
    }
  }
  const manuscript::ContainerPrefix container = manuscript::container_prefix(text);
  const int depth = container.depth;
  const std::size_t prefix = container.length;
  std::string_view rest = text.substr(prefix);
  if (fence_) {
    std::size_t ind = 0;
    while (ind < rest.size() && rest[ind] == ' ') ++ind;
    if (manuscript::closes_code_fence(rest.substr(ind), *fence_)) fence_.reset();
    return;
  }
  if (static_cast<std::size_t>(number) < code_line_.size() &&
      code_line_[static_cast<std::size_t>(number)]) {
    close();
    return;
  }
  if (static_cast<std::size_t>(number) < table_line_.size() &&
      table_line_[static_cast<std::size_t>(number)]) {
    close();
    table_row(offset + prefix, rest, depth);
    return;
  }
  std::size_t ind = 0;
  while (ind < rest.size() && is_space(rest[ind])) ++ind;
  std::string_view body = rest.substr(ind);
  std::size_t body_offset = offset + prefix + ind;

  if (in_html_comment_) {
    if (body.find("-->") != std::string_view::npos) in_html_comment_ = false;
    return;
  }
  if (in_html_block_) {
    if (body.empty()) in_html_block_ = false;
    return;
  }
  if (body.empty()) {
    close();
    return;
  }
  if ((fence_ = manuscript::code_fence_opening(body))) {
    close();
    return;
  }
  if (body.starts_with(":::")) {
    close();
    ++serial_;
    // `::: class` (or `::: {.class}`) opens a div; a bare `:::` closes the innermost.
    std::size_t k = 3;
    while (k < body.size() && body[k] == ':') ++k;
    std::string_view info = body.substr(k);
    while (!info.empty() && is_space(info.front())) info.remove_prefix(1);
    while (!info.empty() && is_space(info.back())) info.remove_suffix(1);
    if (info.empty()) {
      if (!divs_.empty()) divs_.pop_back();
    } else {
      while (!info.empty() && (info.front() == '{' || info.front() == '.')) info.remove_prefix(1);
      std::size_t end = 0;
      while (end < info.size() && !is_space(info[end]) && info[end] != '}' && info[end] != '{')
        ++end;
      divs_.push_back(info.substr(0, end) == "signature");
    }
    return;
  }
  if (is_rule(body)) {
    close();
    return;
  }
  if (body.starts_with("<!--")) {
    close();
    in_html_comment_ = body.find("-->", 4) == std::string_view::npos;
    return;
  }
  if (body[0] == '<' && html_block_start(body)) {
    close();
    in_html_block_ = true;
    return;
  }
  if (body[0] == '#') {
    std::size_t hashes = 0;
    while (hashes < body.size() && body[hashes] == '#') ++hashes;
    if (hashes <= 6 && (hashes == body.size() || is_space(body[hashes]))) {
      std::size_t start = hashes;
      while (start < body.size() && is_space(body[start])) ++start;
      std::string_view title = body.substr(start);
      if (auto attrs = manuscript::trailing_attributes(title))
        title = title.substr(0, attrs->second);
      // A closing sequence of #s after a space is not part of the heading.
      std::size_t t = title.size();
      while (t > 0 && is_space(title[t - 1])) --t;
      std::size_t h = t;
      while (h > 0 && title[h - 1] == '#') --h;
      if (h < t && (h == 0 || is_space(title[h - 1]))) title = title.substr(0, h);
      append(body_offset + start, title, depth, true, ProseBlock::Kind::heading);
      close();
      return;
    }
  }
  if (body[0] == '[') {
    std::size_t label_end = footnote_label_end(body, 0);
    if (label_end != std::string_view::npos && label_end < body.size() && body[label_end] == ':') {
      map_.definitions.push_back({normalise_label(body.substr(2, label_end - 3)), body_offset});
      in_definition_ = depth == 0;
      std::size_t start = label_end + 1;
      while (start < body.size() && is_space(body[start])) ++start;
      append(body_offset + start, body.substr(start), depth, true);
      return;
    }
    // A link reference definition `[label]: destination` cannot interrupt a paragraph.
    std::size_t close_bracket = body.find("]:");
    if (!open_ && close_bracket != std::string_view::npos &&
        body.substr(0, close_bracket).find(']') == std::string_view::npos)
      return;
  }
  if (std::size_t marker = list_marker(body)) {
    append(body_offset + marker, body.substr(marker), depth, true);
    return;
  }
  if (body[0] == '|' && (body.size() == 1 || body[1] == ' ')) {
    // Verse: the bar and the spaces after it (the line's indentation) are markup.
    std::size_t start = 1;
    while (start < body.size() && is_space(body[start])) ++start;
    bool fresh = !open_is_line_block_ || !open_ || depth > open_->depth;
    append(body_offset + start, body.substr(start), depth, fresh);
    open_is_line_block_ = true;
    open_->verse = true;
    return;
  }
  // A deeper quote starts a new block; a shallower line continues lazily (CommonMark).
  bool fresh = open_ && (depth > open_->depth || open_is_line_block_);
  bool starts = fresh || !open_;
  append(body_offset, body, depth, fresh);
  if (starts && body.starts_with("![")) open_->figure = true;
}

// Where each bracket closes, and where the next backtick run of each length starts, found
// in one pass each so that masking stays linear even on pathological input (thousands of
// unmatched brackets or backticks).
struct InlineIndex {
  std::vector<std::size_t> closer;  ///< for ( { [: the index of the bracket closing it
  std::map<std::size_t, std::vector<std::size_t>> runs;  ///< backtick run length → starts

  explicit InlineIndex(std::string_view t) : closer(t.size(), std::string::npos) {
    std::vector<std::size_t> open[3];
    for (std::size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '`') {
        std::size_t r = 0;
        while (i + r < t.size() && t[i + r] == '`') ++r;
        runs[r].push_back(i);
        i += r - 1;
        continue;
      }
      int kind = c == '(' || c == ')'   ? 0
                 : c == '{' || c == '}' ? 1
                 : c == '[' || c == ']' ? 2
                                        : -1;
      if (kind < 0) continue;
      auto& stack = open[kind];
      if (c == '(' || c == '{' || c == '[') {
        stack.push_back(i);
      } else if (!stack.empty()) {
        closer[stack.back()] = i;
        stack.pop_back();
      }
    }
  }

  // The start of the next backtick run of exactly `length` after `from`, or npos.
  std::size_t next_run(std::size_t length, std::size_t from) const {
    auto it = runs.find(length);
    if (it == runs.end()) return std::string::npos;
    auto at = std::upper_bound(it->second.begin(), it->second.end(), from);
    return at == it->second.end() ? std::string::npos : *at;
  }
};

// The next occurrence of `needle` at or after `from`, remembering the last answer: the
// scans below ask with ever larger `from`, so each byte is searched about once.
class NextOf {
 public:
  NextOf(std::string_view text, std::string_view needle) : text_(text), needle_(needle) {}
  std::size_t operator()(std::size_t from) {
    // The last answer holds while no occurrence can lie between `asked_` and `from`.
    if (!valid_ || from < asked_ || (found_ != std::string::npos && found_ < from)) {
      found_ = text_.find(needle_, from);
      asked_ = from;
      valid_ = true;
    }
    return found_;
  }

 private:
  std::string_view text_, needle_;
  std::size_t asked_ = 0;
  std::size_t found_ = std::string::npos;
  bool valid_ = false;
};

void Mapper::mask_inlines(ProseBlock& b) {
  std::string& t = b.text;
  const std::size_t n = t.size();
  const InlineIndex index(t);
  // Searches run on a copy: masking rewrites `t` behind the scan position only.
  const std::string original = t;
  NextOf next_gt(original, ">"), next_comment_end(original, "-->");
  auto mask = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < n; ++k)
      if (t[k] != '\n') t[k] = kOpaque;
  };
  std::size_t i = 0;
  while (i < n) {
    char c = t[i];
    if (c == '\\' && i + 1 < n &&
        (std::ispunct(static_cast<unsigned char>(t[i + 1])) || t[i + 1] == '\n')) {
      mask(i, t[i + 1] == '\n' ? i + 1 : i + 2);
      i += 2;
      continue;
    }
    if (c == '`') {
      std::size_t run = 0;
      while (i + run < n && t[i + run] == '`') ++run;
      // The code span closes at the next run of exactly as many backticks.
      std::size_t close = index.next_run(run, i);
      if (close != std::string::npos) {
        mask(i, close + run);
        i = close + run;
      } else {
        i += run;
      }
      continue;
    }
    if (c == '<' && i + 1 < n) {
      std::size_t end = std::string::npos;
      if (t.compare(i, 4, "<!--") == 0) {
        std::size_t e = next_comment_end(i + 4);
        if (e != std::string::npos) end = e + 3;
      } else if (is_alpha(t[i + 1]) || t[i + 1] == '/' || t[i + 1] == '?' || t[i + 1] == '!') {
        std::size_t e = next_gt(i + 1);
        if (e != std::string::npos) end = e + 1;
      }
      if (end != std::string::npos) {
        mask(i, end);
        i = end;
        continue;
      }
    }
    if (c == '[' && i + 1 < n && t[i + 1] == '^') {
      std::size_t end = footnote_label_end(t, i);
      if (end != std::string::npos) {
        map_.references.push_back(
            {normalise_label(std::string_view(t).substr(i + 2, end - i - 3)), b.source_offset(i)});
        mask(i, end);
        i = end;
        continue;
      }
    }
    // A link destination (parentheses may nest), a span's attributes, a reference label.
    if (c == ']' && i + 1 < n && (t[i + 1] == '(' || t[i + 1] == '{' || t[i + 1] == '[') &&
        index.closer[i + 1] != std::string::npos) {
      std::size_t j = index.closer[i + 1];
      mask(i, j + 1);
      i = j + 1;
      continue;
    }
    ++i;
  }
}

}  // namespace

std::size_t ProseBlock::source_offset(std::size_t i) const {
  auto it = std::upper_bound(segments.begin(), segments.end(), i,
                             [](std::size_t v, const Segment& s) { return v < s.text_begin; });
  if (it == segments.begin()) return segments.empty() ? 0 : segments.front().source_begin;
  --it;
  return it->source_begin + (i - it->text_begin);
}

ProseMap map_prose(std::string_view text, const std::vector<bool>& code_line,
                   const std::vector<bool>& table_line) {
  return Mapper(text, code_line, table_line).run();
}

}  // namespace folio::check
