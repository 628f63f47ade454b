// Knuth–Plass total-fit line breaking over boxes, glue and penalties (TeX's model, pure data).
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace folio::typeset {

inline constexpr int kInfPenalty = 10000;  ///< never break here
inline constexpr double kFil = 1e6;        ///< "infinite" stretch (parfillskip)

struct Node {
  enum Kind { box, glue, penalty } kind = box;
  double width = 0;
  double stretch = 0;    ///< glue only
  double shrink = 0;     ///< glue only
  int cost = 0;          ///< penalty only; ≥ kInfPenalty forbids, ≤ -kInfPenalty forces
  bool flagged = false;  ///< a hyphen break (for double-hyphen and final-hyphen demerits)
  /// Penalty only: extra width at the start of the next line when broken here (the reshaped
  /// word remainder after a hyphen differs from its unbroken slice).
  double post_width = 0;
  /// Glue or penalty: how far the line ending here may run past the measure (its last
  /// glyph's protrusion into the margin), and how far the line after it may start before it.
  double hang = 0;
  double next_hang = 0;
  /// Penalty only: a break TeX's first pass does not see (a discretionary hyphen); an
  /// emergency break only considered when nothing else fits.
  enum Level { normal, hyphenation, emergency } level = normal;

  static Node Box(double w) { return {box, w}; }
  static Node Glue(double w, double st, double sh) { return {glue, w, st, sh}; }
  static Node Penalty(double w, int p, bool flagged = false) {
    Node n{penalty, w};
    n.cost = p;
    n.flagged = flagged;
    return n;
  }
};

struct BreakParams {
  double line_width = 0;
  double pretolerance = 100;  ///< < 0 skips the first pass
  double tolerance = 200;
  double line_penalty = 10;
  double adj_demerits = 10000;
  double double_hyphen_demerits = 10000;
  double final_hyphen_demerits = 5000;
  double emergency_stretch = 0;
  /// Stretch added to every line (ragged-right setting: TeX's \rightskip 0pt plus 2em).
  double line_stretch = 0;
  /// Demerits for a paragraph whose last line holds a single word or word fragment.
  double runt_demerits = 0;
  /// Most hyphenated lines in a row (0: no limit).
  int max_hyphen_ladder = 0;
  /// How far the paragraph's first line may start before the measure (its first glyph's
  /// protrusion).
  double start_hang = 0;
};

struct Break {
  std::size_t node;  ///< index of the glue or penalty broken at
  double ratio;      ///< adjustment ratio of the line ending here
  bool flagged;
};

struct BreakResult {
  std::vector<Break> breaks;  ///< one per line; the last is the paragraph's final penalty
  int pass = 0;               ///< 1 pretolerance, 2 tolerance, 3 emergency, 4 forced
  double demerits = 0;        ///< the breaking's total demerits
};

/// Breaks the paragraph `nodes` (which must end with a forced break) into lines.
/// Runs TeX's passes: without hyphenation at `pretolerance`, with it at `tolerance`, with
/// emergency stretch, then a final pass with emergency break points in which some
/// breaking is always found (underfull rather than overfull lines).
BreakResult break_lines(const std::vector<Node>& nodes, const BreakParams& params);

/// What break_lines_loose adds to a strained setting's demerits, so that it ranks after every
/// other (its lines are looser than its demerits say) and callers can tell it apart.
inline constexpr double kStrainedLooseDemerits = 1e6;

/// How far break_lines_loose may strain a paragraph's spacing.
struct LooseLimits {
  double max_gap = 0;             ///< widest word space within the tolerance (points; 0: any)
  double strained_tolerance = 0;  ///< a strained try up to this badness (0: none)
  double max_strained_gap = 0;    ///< widest word space of a strained setting (0: any)
  double max_emergency_gap = 0;   ///< ... and of one with emergency stretch (0: any)
};

/// TeX's \looseness: the breaking of `nodes` with `looseness` lines more (> 0) or fewer (< 0)
/// than break_lines's, of least demerits among those within the tolerance, never the final
/// pass, with no hyphen ladder over the limit, no single-word last line (where runts cost
/// demerits) and no word space wider than `limits.max_gap`. Failing that, strained: within
/// `limits.strained_tolerance` and no word space wider than `limits.max_strained_gap`, or
/// with emergency stretch and none wider than `limits.max_emergency_gap` (its demerits then
/// count kStrainedLooseDemerits more). No breaks
/// when there is none such (a paragraph page make-up may set a line looser or tighter, as
/// book designers and TeX do to balance a spread). `usual_lines`: break_lines's line count
/// for these nodes, when the caller has it from a pass before the final one (0: found here).
BreakResult break_lines_loose(const std::vector<Node>& nodes, const BreakParams& params,
                              int looseness, const LooseLimits& limits = {}, int usual_lines = 0);

/// TeX's badness for stretching or shrinking by ratio r: 100·|r|³, capped at 10000.
double badness(double ratio);

}  // namespace folio::typeset
