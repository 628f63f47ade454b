// The notes at a page's foot: which parts of which notes a page holds, and where a long note
// splits.
#include "typeset/note_area.hpp"

#include <algorithm>

namespace folio::typeset {

NoteArea::NoteArea(Shapes shapes, double overhead, NoteCarry carried, int min_lines)
    : shapes_(std::move(shapes)), overhead_(overhead), carried_(carried), min_lines_(min_lines) {}

std::vector<NotePart> NoteArea::parts(const std::vector<int>& notes, NoteCarry split) const {
  std::vector<NotePart> out;
  auto whole = [&](int n, std::size_t from) {
    const NoteShape* s = shapes_(n);
    if (s) out.push_back({n, from, s->advance.size()});
  };
  if (carried_) whole(carried_.note, carried_.from);
  for (int n : notes)
    if (n != carried_.note) whole(n, 0);
  if (split && !out.empty() && out.back().note == split.note) out.back().to = split.from;
  return out;
}

double NoteArea::height(const NotePart& p) const {
  const NoteShape* s = shapes_(p.note);
  double h = 0;
  for (std::size_t k = p.from; k < p.to && k < s->advance.size(); ++k) h += s->advance[k];
  return h;
}

double NoteArea::lines_height(const std::vector<NotePart>& parts) const {
  double h = 0;
  for (const NotePart& p : parts) h += height(p);
  return h;
}

std::vector<std::size_t> NoteArea::splits(const NotePart& p) const {
  const NoteShape* s = shapes_(p.note);
  std::vector<std::size_t> out;
  if (!s) return out;
  int total = 0;
  for (std::size_t k = p.from; k < p.to; ++k) total += s->line[k] ? 1 : 0;
  int before = 0;
  for (std::size_t k = p.from; k < p.to; ++k) {
    if (k > p.from && s->split_before[k] && before >= min_lines_ && total - before >= min_lines_)
      out.push_back(k);
    before += s->line[k] ? 1 : 0;
  }
  return out;
}

double NoteArea::least_height(const std::vector<int>& notes) const {
  std::vector<NotePart> ps = parts(notes);
  if (ps.empty()) return 0;
  std::vector<std::size_t> at = splits(ps.back());
  if (!at.empty()) ps.back().to = at.front();
  return overhead_ + lines_height(ps);
}

std::optional<NoteFit> NoteArea::fit(const std::vector<int>& notes, double room) const {
  std::vector<NotePart> ps = parts(notes);
  if (ps.empty()) return NoteFit{};
  double whole = overhead_ + lines_height(ps);
  if (whole <= room + 0.01) return NoteFit{whole, {}};
  NotePart last = ps.back();
  ps.pop_back();
  const double fixed = overhead_ + lines_height(ps);
  std::vector<std::size_t> at = splits(last);
  for (auto k = at.rbegin(); k != at.rend(); ++k) {
    NotePart cut = last;
    cut.to = *k;
    double h = fixed + height(cut);
    if (h <= room + 0.01) return NoteFit{h, {last.note, *k}};
  }
  return std::nullopt;
}

}  // namespace folio::typeset
