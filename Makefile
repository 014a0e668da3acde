# Mitra — see README.md. `make help` lists the targets.

# A local .env (not committed) may hold TELEGRAM_BOT_TOKEN and friends.
-include .env
export

GO ?= go

.PHONY: help run test bench build migrate vet fuzz

help: ## Show this help.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

run: ## Start Mitra (creates and migrates the database if missing). Needs TELEGRAM_BOT_TOKEN.
	$(GO) run ./cmd/mitra serve

test: ## Run every test against the local PostgreSQL and Redis, with the race detector.
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

bench: ## Run the benchmarks recorded in BENCHMARKS.md.
	$(GO) test -run '^$$' -bench . -benchmem ./regions/ ./bench/...

fuzz: ## Fuzz the parsers and the conversation engine for a minute each.
	$(GO) test -run '^$$' -fuzz FuzzSearch -fuzztime 60s ./regions/
	for f in FuzzEngine FuzzParseNIK FuzzParseDateText FuzzParseClock FuzzParseCount FuzzNormalizePhone; do \
		$(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime 60s ./flows/ || exit 1; \
	done

build: ## Build bin/mitra.
	$(GO) build -o bin/mitra ./cmd/mitra

migrate: ## Apply database migrations and load the region data, then exit.
	$(GO) run ./cmd/mitra migrate
