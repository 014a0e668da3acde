// Package regions knows Indonesia's administrative areas — provinsi,
// kabupaten/kota, kecamatan and desa/kelurahan — by their Kemendagri codes:
// their hierarchy, their time zones, human labels, and a typo-tolerant
// search that field workers use to pick their wilayah on a cheap phone.
//
// The package is pure Go and holds no I/O beyond ReadCSV: package store
// seeds and loads the data; an Index is built once at start-up and is then
// safe for concurrent use.
package regions
