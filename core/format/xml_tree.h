// libxml2 in its lenient modes, wrapped: parsing XML and HTML into a tree
// that is freed on scope exit, and the few node helpers the readers need.
// Names are compared by local name and case-insensitively: exports of one
// system differ in prefix and capitalisation.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg {

class XmlTree {
 public:
  /// XML in recover mode (invalid character references and stray bytes are
  /// skipped), no network, no DTD loading, no entity substitution. Throws
  /// InputError when nothing can be parsed, when the document declares an
  /// entity (the parser stops at the declaration, in any encoding: an
  /// "entity bomb" never expands), or when an element has more attributes
  /// than any export writes (the parser's duplicate check is quadratic).
  static XmlTree parse_xml(std::string_view bytes);
  /// HTML (UTF-8) in recover mode, as browsers would read it.
  static XmlTree parse_html(std::string_view utf8);

  xmlNode* root() const;
  /// Limits the parser reached (nesting depth, a huge text node or
  /// attribute): the text beyond them is missing, and the file is named.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct Free {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };
  std::unique_ptr<xmlDoc, Free> doc_;
  std::vector<std::string> warnings_;
};

/// The element's local name (without namespace prefix).
std::string_view local_name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);
/// The first element child with this local name, or nullptr.
const xmlNode* child(const xmlNode* node, std::string_view name);
/// child(child(...)) along a path of local names.
const xmlNode* descendant(const xmlNode* node, std::initializer_list<std::string_view> path);
std::vector<const xmlNode*> children(const xmlNode* node, std::string_view name);
/// All text below the node, trimmed.
std::string text_of(const xmlNode* node);
/// Text of the child with this name ("" if none).
std::string child_text(const xmlNode* node, std::string_view name);
/// An attribute's value by local name ("" if absent).
std::string attribute(const xmlNode* node, std::string_view name);

/// True when the element's class attribute holds `name` as one of its words.
bool has_class(const xmlNode* node, std::string_view name);
/// Elements below `node` (not `node` itself), in document order, with this
/// class (and, if given, this local name). Iterative: deep trees cost no stack.
std::vector<const xmlNode*> descendants_with_class(const xmlNode* node, std::string_view class_name,
                                                   std::string_view element = {});
/// The first of those, or nullptr.
const xmlNode* first_descendant_with_class(const xmlNode* node, std::string_view class_name,
                                           std::string_view element = {});
/// The first element below `node` with this id attribute, or nullptr.
const xmlNode* descendant_with_id(const xmlNode* node, std::string_view id);
/// Elements below `node` with this local name, in document order.
std::vector<const xmlNode*> descendants_named(const xmlNode* node, std::string_view element);
/// The first element below `node` with this local name, or nullptr.
const xmlNode* first_descendant(const xmlNode* node, std::string_view element);

/// Root element's local name, found by scanning past the prolog, comments
/// and doctype without parsing ("" when the bytes do not start like XML).
std::string sniff_root_element(std::string_view bytes);

}  // namespace sagsoeg
