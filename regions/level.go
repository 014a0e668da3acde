package regions

import (
	"strconv"
	"strings"
)

// Level is the tier of a region in the Kemendagri hierarchy. The numbers
// are those of the level column of the regions table.
type Level int

// The four administrative levels Mitra knows. Dusun, RW and RT below a
// desa are not in the dataset.
const (
	ProvinceLevel Level = 1 // provinsi
	RegencyLevel  Level = 2 // kabupaten or kota
	DistrictLevel Level = 3 // kecamatan (distrik in Papua)
	VillageLevel  Level = 4 // desa or kelurahan
)

// String names the level in Indonesian, as shown to users.
func (l Level) String() string {
	switch l {
	case ProvinceLevel:
		return "provinsi"
	case RegencyLevel:
		return "kabupaten/kota"
	case DistrictLevel:
		return "kecamatan"
	case VillageLevel:
		return "desa/kelurahan"
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

// Valid reports whether l is one of the four levels.
func (l Level) Valid() bool { return l >= ProvinceLevel && l <= VillageLevel }

// LevelOf returns the level a code's shape implies — one dot-separated
// segment per level: "13" provinsi, "13.71" kabupaten/kota, "13.71.01"
// kecamatan, "13.71.01.1001" desa/kelurahan. It returns 0 for anything
// else: an empty code, an empty segment, a non-digit, or more than four
// segments.
func LevelOf(code string) Level {
	if code == "" || len(code) > maxCodeLen {
		return 0
	}
	level, segLen := Level(1), 0
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '.':
			if segLen == 0 {
				return 0
			}
			level, segLen = level+1, 0
		case c >= '0' && c <= '9':
			segLen++
		default:
			return 0
		}
	}
	if segLen == 0 || level > VillageLevel {
		return 0
	}
	return level
}

// ParentOf returns the code of the region that encloses code, by dropping
// its last segment ("13.71.01" → "13.71"), or "" for a province code.
func ParentOf(code string) string {
	if i := strings.LastIndexByte(code, '.'); i >= 0 {
		return code[:i]
	}
	return ""
}

// maxCodeLen bounds the codes the package accepts; real ones have at most
// 13 bytes ("13.71.01.1001").
const maxCodeLen = 32
