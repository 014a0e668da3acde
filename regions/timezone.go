package regions

// Time zones per Keppres 41/1987: provinces created later keep the zone of
// the province they were split from. Indonesia has no daylight saving.
const (
	zoneJakarta   = "Asia/Jakarta"
	zonePontianak = "Asia/Pontianak"
	zoneMakassar  = "Asia/Makassar"
	zoneJayapura  = "Asia/Jayapura"
)

// TimeZone returns the IANA time zone of the region with the given code,
// decided by its province (the first two digits): Asia/Jakarta for WIB,
// except Asia/Pontianak for Kalimantan Barat (61) and Kalimantan Tengah
// (62); Asia/Makassar for WITA; Asia/Jayapura for WIT. Unknown codes get
// Asia/Jakarta, the zone of most of the population, so callers always have
// a zone to load (time.LoadLocation("") would silently mean UTC). Binaries
// should import time/tzdata so minimal images resolve these names.
func TimeZone(code string) string {
	switch provinceOf(code) {
	case "61", "62":
		return zonePontianak
	case "51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76":
		return zoneMakassar
	case "81", "82", "91", "92", "93", "94", "95", "96":
		return zoneJayapura
	}
	return zoneJakarta
}

// ZoneAbbrev returns the Indonesian abbreviation of the region's time zone
// — "WIB" (UTC+7), "WITA" (UTC+8) or "WIT" (UTC+9) — consistent with
// TimeZone, including its WIB fallback for unknown codes.
func ZoneAbbrev(code string) string {
	switch TimeZone(code) {
	case zoneMakassar:
		return "WITA"
	case zoneJayapura:
		return "WIT"
	}
	return "WIB"
}

// provinceOf returns the two-digit province part of a code, or "".
func provinceOf(code string) string {
	if len(code) < 2 || (len(code) > 2 && code[2] != '.') {
		return ""
	}
	return code[:2]
}
