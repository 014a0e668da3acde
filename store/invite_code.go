package store

import (
	"crypto/rand"
	"fmt"
)

// inviteCodeAlphabet is base62: the characters Telegram accepts in a
// /start deep-link parameter, minus "_" and "-", so a code survives being
// read aloud or copied from a printed bimtek handout.
const inviteCodeAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// inviteCodeLength gives 62^10 ≈ 8·10^17 codes: guessing a live one is
// hopeless, and the link stays short.
const inviteCodeLength = 10

// newInviteCode returns a random code from crypto/rand. Bytes of 248 and
// above are discarded so every character is equally likely (248 = 4·62).
func newInviteCode() (string, error) {
	code := make([]byte, 0, inviteCodeLength)
	buf := make([]byte, 2*inviteCodeLength)
	for len(code) < inviteCodeLength {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("invite code: %w", err)
		}
		for _, b := range buf {
			if b < 248 && len(code) < inviteCodeLength {
				code = append(code, inviteCodeAlphabet[b%62])
			}
		}
	}
	return string(code), nil
}
