// THE rule by which every reader turns an access value it finds in a source
// into public or closed: public only on a value that data/access.tsv lists
// as public, compared whole after normalising case, accents and spaces.
// Anything else -- a closed word, a negation ("Ikke åben", "Ej offentlig",
// "Publiceres ikke"), a value nobody listed -- is closed. Readers combine
// every signal they have with all_public(): one closed or unknown signal
// closes the element.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace sagsoeg {

/// Lower case, accents folded (é -> e; æ ø å kept), spaces collapsed, and
/// spaces and ".:;-" trimmed from both ends.
std::string normalise_access_value(std::string_view value);

/// A boolean access field (IsPublic, AccessIsPublic): true only for a
/// listed true value ("true", "1", "ja", "yes").
bool is_public_flag(std::string_view flag);

/// A named access level (AgendaType, AccessName, accessname): true only for
/// a listed public label ("Åben", "Offentlig publicering", ...).
bool is_public_label(std::string_view label);

/// A value that may be either a flag or a label.
bool is_public_value(std::string_view value);

/// A label that says closed in so many words (lukket, fortrolig, ikke
/// offentlig, skal ikke publiceres, ...): a closing signal even where a
/// reader would otherwise not look at the value.
bool is_closed_label(std::string_view label);

/// How a reader reports one access signal of an element.
enum class AccessSignal { absent, public_value, closed };

/// One stated signal: absent when `value` is empty, else public or closed
/// by the rule above (`flag` picks is_public_flag over is_public_label).
AccessSignal access_signal(std::string_view value, bool flag);

/// Public only when at least one signal is public and none is closed.
bool all_public(std::initializer_list<AccessSignal> signals);

}  // namespace sagsoeg
