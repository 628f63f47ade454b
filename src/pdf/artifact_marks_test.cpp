// mark_artifacts must write exactly what qpdf's token filter writes, or decline.
#include "pdf/artifact_marks.hpp"

#include <gtest/gtest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>

#include <random>
#include <string>
#include <vector>

#include "pdf/artifact_filter.hpp"

namespace folio::pdf {
namespace {

// The reference: the stream piped through qpdf's tokenizer and make_artifact_filter().
std::string with_qpdf(const std::string& content) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle stream = QPDFObjectHandle::newStream(&pdf, content);
  stream.addTokenFilter(make_artifact_filter());
  auto data = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// What Cairo 1.16 writes for a page: a folio outside any sequence, tagged text, a rule.
const char* kCairoPage =
    "1 0 0 -1 0 648 cm\nq\n0 0 0 rg /a0 gs\nBT\n10 0 0 -10 217.410059 618 Tm\n/f-0-0 1 Tf\n"
    "(v)Tj\nET\n/H1 << /MCID 0 >> BDC\nBT\n20 0 0 -20 192.2 167.6 Tm\n/f-0-0 1 Tf\n"
    "[(Pref)25(ace)]TJ\nET\nEMC\n/P << /MCID 1 >> BDC\nBT\n11 0 0 -11 57.6 231.8 Tm\n"
    "/f-0-1 1 Tf\n<0008>Tj\n[(is )-4(book \\(a\\) \\\\ \\) (nested) )]TJ\nET\nEMC\n"
    "0.4 w\n57.6 500 m 129.6 500 l S\n57.6 510 72 0.4 re f\nQ\n";

TEST(ArtifactMarks, WrapsUnmarkedObjectsLikeQpdf) {
  auto marked = mark_artifacts(kCairoPage);
  ASSERT_TRUE(marked);
  EXPECT_EQ(*marked, with_qpdf(kCairoPage));
  // The folio is wrapped, right after the operator before it; tagged text is left alone.
  EXPECT_NE(marked->find("gs\n/Artifact BMC\n\nBT"), std::string::npos) << *marked;
  EXPECT_NE(marked->find("S\nEMC\n"), std::string::npos) << *marked;
  EXPECT_EQ(marked->find("/Artifact BMC\n\n/H1"), std::string::npos) << *marked;
}

TEST(ArtifactMarks, ClosesAnOpenArtifactAtTheEnd) {
  std::string s = "q 1 0 0 1 0 0 cm 10 10 m 20 20 l";  // no painting operator, no Q
  auto marked = mark_artifacts(s);
  ASSERT_TRUE(marked);
  EXPECT_EQ(*marked, with_qpdf(s));
  EXPECT_EQ(marked->substr(marked->size() - 5), "\nEMC\n");
}

TEST(ArtifactMarks, DeclinesWhatItDoesNotRead) {
  EXPECT_FALSE(mark_artifacts("% a comment\nBT ET"));
  EXPECT_FALSE(mark_artifacts("q BI /W 1 /H 1 /BPC 8 /CS /G ID \x01 EI Q"));
  EXPECT_FALSE(mark_artifacts("BT (unterminated Tj ET"));
  EXPECT_FALSE(mark_artifacts("BT <00zz> Tj ET"));
  EXPECT_FALSE(mark_artifacts("1.2.3 w"));
}

// Random streams from Cairo's vocabulary (and a few odd tokens): same bytes as qpdf's.
TEST(ArtifactMarks, AgreesWithQpdfOnRandomStreams) {
  // One token list, kept compact (clang-format would put each on a line of its own).
  // clang-format off
  const std::vector<std::string> tokens{
      "q", "Q", "BT", "ET", "m", "l", "re", "S", "s", "f", "f*", "B", "b*", "n", "Do", "sh", "cm",
      "Tf", "Tj", "TJ", "Tm", "gs", "rg", "W", "EMC", "BMC", "BDC", "12", "-3.5", ".25", "+7", "0",
      "/f-0-0", "/Span", "true", "null", "(a)", "(b\\)c)", "((x))", "<0008>", "<< /MCID 3 >>",
      "[(T)100(y)]", "[", "]", "d0"};
  // clang-format on
  const std::vector<std::string> spaces{" ", "\n", "\r\n", "  ", "\t"};
  std::mt19937 rng(8);
  for (int round = 0; round < 400; ++round) {
    std::string s;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      s += tokens[rng() % tokens.size()];
      s += spaces[rng() % spaces.size()];
    }
    if (rng() % 4 == 0 && !s.empty()) s.pop_back();  // no final white space
    auto marked = mark_artifacts(s);
    ASSERT_TRUE(marked) << s;
    ASSERT_EQ(*marked, with_qpdf(s)) << s;
  }
}

}  // namespace
}  // namespace folio::pdf
