// What the entity tagger changes in its model's entities before it reports
// them: rules of the language that the model, trained on a few thousand
// names, gets wrong now and then.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "detect/tagger/entity_tagger.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// Every rule below takes `entities[first, end)` sorted by this (by start,
// longer first where two start together) and keeps them so.
void SortEntitiesByStart(std::vector<TaggedEntity>* entities, size_t first);

// Drops the entities of `entities[first, end)` that name nobody: a
// nationality alone ("Syrian", "French"), whatever its neighbours made the
// model think; a run that opens with a possessive ending ("'s", cut from
// its name); one without a letter or digit (a lone "." or "&"); one
// character alone (the pronoun "I", trimmed from "Carlos I"); words that
// only join names ("in" between two of them, "The" trimmed from a title);
// words in lower case right before an opening parenthesis, a function in
// code ("def f(", "print(").
void DropNoNames(std::string_view text, std::vector<TaggedEntity>* entities, size_t first);

// A person's name the model is sure of, inside a longer one it doubts
// only because of words that look like name words ("Grace" in "Grace
// Miller": "Miller" is also an everyday word), stands for the longer one:
// the words left out would reach the model in clear. The longer one gets
// the sure one's margin, and the sure one is dropped. Words that are no
// name ("Contractor Sarah Wong": a role) keep the sure one as it is.
void WidenPersonsOverNameWords(std::string_view text, std::vector<TaggedEntity>* entities,
                               size_t first);

// A name followed by organization words is one organization, as sure as
// the name is: "Wayne Enterprises", "Stark Industries", "Boston
// University" (a firm's last word alone names no firm, and the model may
// leave it out, make it an organization of its own, or be unsure of the
// whole). Extends such entities in `entities[first, end)` over those words
// and drops what the extended ones replace: the same span less sure, and
// organization words alone inside it.
void JoinNameAndOrganizationWords(std::string_view text, std::vector<TaggedEntity>* entities,
                                  size_t first);

// The probability of a name found by a cue (an honorific, a greeting).
inline constexpr double kCuedNameProbability = 0.9;

// A capitalised word right after an honorific is a person's name ("Mr. Le",
// "Dr. Ng", "Ms. Do": short surnames that are also words or particles, which
// the model tends to doubt), with the title-case words that follow it ("Mr.
// Le Van Thanh"); not a role, function word or month ("Mr. President").
// Such a name is at least kCuedNameProbability sure: a person's
// name the model found within it is raised to that, and one it did not
// find at all is added to `entities`. A place or organization the model
// found wholly within it is a person's name too ("Prof. Sakura Berg" is
// no firm), unless it ends with an organization's suffix ("Dr. Smith
// Clinic"); one reaching past it stays (a firm named with a title: "Mr.
// Price Group").
void AddNamesAfterHonorifics(std::string_view text, const std::vector<WordToken>& tokens,
                             std::vector<TaggedEntity>* entities, size_t first);

// A capitalised name that a greeting opens or closes with is a person's
// name, as sure as one after an honorific: "Hi Hope,", "Good morning
// Faith", "Cheers, Harmony", "Best,\nApril" (names that are also words,
// which the model doubts), not "Hi All," or "Dear Customer". The greeting
// opens its line; the name ends its line or a comma, "!" or ":" follows.
void AddNamesInGreetings(std::string_view text, const std::vector<WordToken>& tokens,
                         std::vector<TaggedEntity>* entities, size_t first);

// A name, a comma and the postal code of a state or province ("Gary, IN",
// "Halifax, NS", "Perth, WA") is a place and its region: the code is a
// place at least kCuedNameProbability sure (added, or retyped from what the
// model made of it: "NC" is no firm there), and the names the model found
// ending at the comma are places whatever type it gave them ("Gary",
// "Augusta"), but a firm's name that ends as firms do. After a person's
// name a degree that is also a code is no place ("Jane Roe, MD", "Sam
// Lee, PA": what the model found there is dropped); a code before a word
// in capitals is none either ("BOB, OR CALL ME").
void AddRegionCodesAfterPlaces(std::string_view text, const std::vector<WordToken>& tokens,
                               std::vector<TaggedEntity>* entities, size_t first);

}  // namespace privacy::detect
