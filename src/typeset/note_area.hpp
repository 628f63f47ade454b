// The notes at a page's foot: which parts of which notes a page holds, and where a long note
// splits.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace folio::typeset {

/// A note's set lines as the page builder weighs them: each item's advance (a line's leading,
/// a space's amount), whether it is a line, and whether the note may continue on the next
/// page from it (a line after a line that does not end in a hyphen).
struct NoteShape {
  std::vector<double> advance;
  std::vector<bool> line;
  std::vector<bool> split_before;
};

/// Where a note continues: its items from `from` on go to the next page's foot, above that
/// page's own notes (TeX's split insertion). note 0: nothing is carried.
struct NoteCarry {
  int note = 0;
  std::size_t from = 0;
  explicit operator bool() const { return note != 0; }
  friend bool operator==(const NoteCarry&, const NoteCarry&) = default;
  friend auto operator<=>(const NoteCarry&, const NoteCarry&) = default;
};

/// Items [from, to) of a note, set at one page's foot.
struct NotePart {
  int note = 0;
  std::size_t from = 0;
  std::size_t to = 0;
  bool continued() const { return from > 0; }
};

/// The notes a page holds and how much of the page they take.
struct NoteFit {
  double height = 0;  ///< the notes with the space above them (0: the page has none)
  NoteCarry carry;    ///< what goes on to the next page
};

/// A page's note area: what the page before carried over, then the notes its lines cite, in
/// order. Only the last part may split (the carried one when the page cites none), and only
/// between two lines of it, with at least `min_lines` lines on each side: a note's first
/// line is always on the page of its reference, and no page holds a lone line of a note.
class NoteArea {
 public:
  using Shapes = std::function<const NoteShape*(int note)>;
  /// `overhead`: the space a page with notes gives them beyond their lines (the space above
  /// them, the room below the last).
  NoteArea(Shapes shapes, double overhead, NoteCarry carried, int min_lines = 2);

  /// The parts of a page citing `notes`: the carried part, then every cited note not already
  /// carried, whole; with `split`, the last part ends there.
  std::vector<NotePart> parts(const std::vector<int>& notes, NoteCarry split = {}) const;
  /// The least room the notes need: the last part split at its first legal place.
  double least_height(const std::vector<int>& notes) const;
  /// The notes in `room` (their space included): whole when they fit, else the last part
  /// split at its last legal place that fits; nothing when even its least does not.
  std::optional<NoteFit> fit(const std::vector<int>& notes, double room) const;
  /// The height of parts (their lines alone, without the overhead).
  double lines_height(const std::vector<NotePart>& parts) const;

 private:
  double height(const NotePart& p) const;
  // Legal split points of a part, in order: the index of the first item that goes on.
  std::vector<std::size_t> splits(const NotePart& p) const;

  Shapes shapes_;
  double overhead_;
  NoteCarry carried_;
  int min_lines_;
};

}  // namespace folio::typeset
