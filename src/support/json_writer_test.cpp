// Unit tests for JsonWriter escaping and structure.
#include "support/json_writer.hpp"

#include <gtest/gtest.h>

using folio::support::JsonWriter;

TEST(JsonWriter, EscapesControlCharactersAndQuotes) {
  JsonWriter w(false);
  w.begin_object();
  w.key("t");
  w.value(std::string_view("a\"b\\c\n\x01\xe2\x80\x9c"));
  w.end_object();
  EXPECT_EQ(w.str(), "{\"t\":\"a\\\"b\\\\c\\n\\u0001\xe2\x80\x9c\"}");
}

TEST(JsonWriter, NestsArraysAndObjects) {
  JsonWriter w(false);
  w.begin_array();
  w.value(1);
  w.begin_object();
  w.key("x");
  w.begin_array();
  w.end_array();
  w.end_object();
  w.value(true);
  w.null();
  w.end_array();
  EXPECT_EQ(w.str(), "[1,{\"x\":[]},true,null]");
}

TEST(JsonWriter, PrettyPrintsWithTwoSpaces) {
  JsonWriter w(true);
  w.begin_object();
  w.key("a");
  w.value(1);
  w.end_object();
  EXPECT_EQ(w.str(), "{\n  \"a\": 1\n}");
}
