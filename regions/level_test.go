package regions

import "testing"

func TestLevelString(t *testing.T) {
	tests := []struct {
		level Level
		want  string
	}{
		{ProvinceLevel, "provinsi"},
		{RegencyLevel, "kabupaten/kota"},
		{DistrictLevel, "kecamatan"},
		{VillageLevel, "desa/kelurahan"},
		{0, "Level(0)"},
		{7, "Level(7)"},
	}
	for _, tt := range tests {
		if got := tt.level.String(); got != tt.want {
			t.Errorf("Level(%d).String() = %q, want %q", int(tt.level), got, tt.want)
		}
		if got, want := tt.level.Valid(), tt.level >= 1 && tt.level <= 4; got != want {
			t.Errorf("Level(%d).Valid() = %v, want %v", int(tt.level), got, want)
		}
	}
}

func TestLevelOfAndParentOf(t *testing.T) {
	tests := []struct {
		code   string
		level  Level
		parent string
	}{
		{"13", ProvinceLevel, ""},
		{"13.71", RegencyLevel, "13"},
		{"13.71.01", DistrictLevel, "13.71"},
		{"13.71.01.1001", VillageLevel, "13.71.01"},
		{"", 0, ""},
		{"13.", 0, "13"},
		{".13", 0, ""},
		{"13..01", 0, "13."},
		{"13.71.01.1001.5", 0, "13.71.01.1001"},
		{"1a", 0, ""},
		{"13 71", 0, ""},
		{"123456789012345678901234567890123", 0, ""}, // longer than maxCodeLen
	}
	for _, tt := range tests {
		if got := LevelOf(tt.code); got != tt.level {
			t.Errorf("LevelOf(%q) = %d, want %d", tt.code, got, tt.level)
		}
		if got := ParentOf(tt.code); got != tt.parent {
			t.Errorf("ParentOf(%q) = %q, want %q", tt.code, got, tt.parent)
		}
	}
}
