#include "detect/validators/checksums.h"

namespace privacy::detect {

std::string DigitsOf(std::string_view value) {
  std::string digits;
  for (char c : value) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

bool LuhnValid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

int Mod97(std::string_view alphanumerics) {
  int rest = 0;
  for (char c : alphanumerics) {
    if (c >= '0' && c <= '9') {
      rest = (rest * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      rest = (rest * 100 + (c - 'A' + 10)) % 97;
    } else if (c >= 'a' && c <= 'z') {
      rest = (rest * 100 + (c - 'a' + 10)) % 97;
    }
  }
  return rest;
}

bool VerhoeffValid(std::string_view digits) {
  static const int kMultiply[10][10] = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
      {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
      {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
      {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
      {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  static const int kPermute[8][10] = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
      {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
      {9, 4, 5, 3, 1, 2, 7, 6, 8, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
      {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
  if (digits.empty()) return false;
  int check = 0;
  size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    check = kMultiply[check][kPermute[i % 8][digits[n - 1 - i] - '0']];
  }
  return check == 0;
}

}  // namespace privacy::detect
