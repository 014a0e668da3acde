package store

// Test-only view of package internals for the external store_test package.

// MigrationFileCount is how many migrations are embedded.
func MigrationFileCount() (int, error) {
	ms, err := loadMigrations()
	return len(ms), err
}
