// For the line breaker's tests: hand-built node lists and TeX's demerits of a break set,
// computed the slow way, to check the breaker against brute force.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "typeset/knuth_plass.hpp"

namespace folio::test_support {

using typeset::BreakParams;
using typeset::Node;

/// Words of the given widths separated by `glue` (w 2, stretch 1, shrink 0.5 unless said),
/// TeX-terminated.
inline std::vector<Node> words(const std::vector<double>& widths,
                               Node glue = Node::Glue(2, 1, 0.5)) {
  std::vector<Node> n;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i) n.push_back(glue);
    n.push_back(Node::Box(widths[i]));
  }
  n.push_back(Node::Penalty(0, typeset::kInfPenalty));
  n.push_back(Node::Glue(0, typeset::kFil, 0));
  n.push_back(Node::Penalty(0, -typeset::kInfPenalty));
  return n;
}

/// The adjustment ratio of the line of nodes [from, b), plus `extra` width (a break's own).
inline double line_ratio(const std::vector<Node>& n, std::size_t from, std::size_t b, double extra,
                         const BreakParams& p) {
  double w = extra, st = 0, sh = 0;
  for (std::size_t i = from; i < b; ++i) {
    w += n[i].kind == Node::penalty ? 0 : n[i].width;
    st += n[i].kind == Node::glue ? n[i].stretch : 0;
    sh += n[i].kind == Node::glue ? n[i].shrink : 0;
  }
  return w < p.line_width ? (p.line_width - w) / st
                          : (w > p.line_width ? (p.line_width - w) / sh : 0);
}

/// TeX's fitness class of a line's ratio: tight, decent, loose, very loose.
inline int fitness_class(double r) {
  return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/// Every set of breaks among `candidates` (node indices), each closed by `last`: brute force
/// for paragraphs of a dozen or so words.
inline std::vector<std::vector<std::size_t>> break_sets(const std::vector<std::size_t>& candidates,
                                                        std::size_t last) {
  std::vector<std::vector<std::size_t>> sets;
  for (unsigned mask = 0; mask < (1u << candidates.size()); ++mask) {
    std::vector<std::size_t> br;
    for (std::size_t g = 0; g < candidates.size(); ++g)
      if (mask & (1u << g)) br.push_back(candidates[g]);
    br.push_back(last);
    sets.push_back(std::move(br));
  }
  return sets;
}

/// TeX's demerits of a whole set of breaks (glue indices and the final penalty), or -1 when a
/// line is over the tolerance or overfull.
inline double demerits_of(const std::vector<Node>& n, const std::vector<std::size_t>& breaks,
                          const BreakParams& p) {
  double total = 0;
  std::size_t from = 0;
  int prev_fit = 1;
  for (std::size_t b : breaks) {
    double r = line_ratio(n, from, b, 0, p);
    if (r < -1) return -1;
    double bad = typeset::badness(r);
    if (bad > p.tolerance) return -1;
    double d = (p.line_penalty + bad) * (p.line_penalty + bad);
    int fit = fitness_class(r);
    if (std::abs(fit - prev_fit) > 1) d += p.adj_demerits;
    prev_fit = fit;
    total += d;
    from = b + 1;
  }
  return total;
}

}  // namespace folio::test_support
