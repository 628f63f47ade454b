// The qpdf token filter for artifacts: tokenizes the whole stream (slow; see artifact_marks).
#include "pdf/artifact_filter.hpp"

#include <set>
#include <string>
#include <vector>

namespace folio::pdf {
namespace {

using QOH = QPDFObjectHandle;

// Wraps content outside any marked-content sequence (running heads, folios, rules, marks)
// in /Artifact BMC … EMC, one graphics object at a time, never across q/Q.
class ArtifactFilter final : public QOH::TokenFilter {
 public:
  void handleToken(const QPDFTokenizer::Token& token) override {
    using T = QPDFTokenizer;
    if (token.getType() == T::tt_space || token.getType() == T::tt_comment) {
      pending_.push_back(token);
      return;
    }
    if (token.getType() != T::tt_word) {
      pending_.push_back(token);
      return;
    }
    const std::string& op = token.getValue();
    if (op == "BDC" || op == "BMC") {
      close_artifact();
      flush();
      emit(token);
      ++depth_;
      return;
    }
    if (op == "EMC") {
      flush();
      emit(token);
      if (depth_ > 0) --depth_;
      return;
    }
    if (depth_ > 0) {
      flush();
      emit(token);
      return;
    }
    static const std::set<std::string> starts{"BT", "m", "re", "Do", "sh"};
    static const std::set<std::string> ends{"ET", "S", "s",  "f", "F",  "f*", "B",
                                            "B*", "b", "b*", "n", "Do", "sh"};
    if (op == "q" || op == "Q") close_artifact();
    if (!open_ && starts.count(op)) {
      TokenFilter::write(std::string("\n/Artifact BMC\n"));
      open_ = true;
    }
    flush();
    emit(token);
    if (open_ && ends.count(op)) close_artifact();
  }

  void handleEOF() override {
    flush();
    close_artifact();
  }

 private:
  void flush() {
    for (const auto& t : pending_) writeToken(t);
    pending_.clear();
  }
  void emit(const QPDFTokenizer::Token& t) { writeToken(t); }
  void close_artifact() {
    if (!open_) return;
    // A newline first: writeToken adds no whitespace ("fEMC" would be one word).
    TokenFilter::write(std::string("\nEMC\n"));
    open_ = false;
  }

  std::vector<QPDFTokenizer::Token> pending_;
  int depth_ = 0;
  bool open_ = false;
};

}  // namespace

std::shared_ptr<QPDFObjectHandle::TokenFilter> make_artifact_filter() {
  return std::make_shared<ArtifactFilter>();
}

}  // namespace folio::pdf
