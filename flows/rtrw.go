package flows

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// rtrwLabel matches the words "RT" and "RW" that volunteers type around
// the numbers.
var (
	rtrwLabel  = regexp.MustCompile(`(?i)r[tw]`)
	rtrwNumber = regexp.MustCompile(`\d+`)
)

// parseRTRW accepts "3/5", "003/005", "03-05", "3 5", "RT 3 RW 5" and
// "rt.03/rw.05", and stores "003/005". Anything else with letters in it
// (a street, a name) is refused rather than mined for numbers.
func parseRTRW(sess *Session, text string) (Value, string) {
	rest := rtrwLabel.ReplaceAllString(text, " ")
	nums := rtrwNumber.FindAllString(rest, -1)
	if strings.ContainsFunc(rest, unicode.IsLetter) || len(nums) != 2 || len(nums[0]) > 3 || len(nums[1]) > 3 {
		return Value{}, msgRTRWInvalid.In(sess.Lang)
	}
	rt, _ := strconv.Atoi(nums[0])
	rw, _ := strconv.Atoi(nums[1])
	if rt == 0 || rw == 0 {
		return Value{}, msgRTRWZero.In(sess.Lang)
	}
	normalized := fmt.Sprintf("%03d/%03d", rt, rw)
	return Value{Data: normalized, Text: normalized}, ""
}
