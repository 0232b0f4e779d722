#pragma once

#include <string>
#include <string_view>

namespace sagsoeg {

/// True if the text looks like an HTML document rather than plain text.
bool looks_like_html(std::string_view text);

/// Turns HTML into text that the agenda parser understands: tags stripped,
/// entities decoded, scripts and styles dropped, block elements on their own
/// lines, and <h1>..<h6> rendered as Markdown headings ("## Title") so that
/// the same heading rules apply as for Markdown exports.
std::string html_to_text(std::string_view html);

}  // namespace sagsoeg
