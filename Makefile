# skypebridge — build, test, docs and release targets. `make help` lists them.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/skypebridge
MAN_DATE := 2026-11-22

.PHONY: help deps build test test-swift test-interop demo docs release release-bin bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

deps: ## Install the system and Python packages builds and tests need (only what is missing)
	@scripts/install-deps.sh

build: deps ## Debug build of the skypebridge binary
	$(SWIFT) build --product skypebridge

test: deps ## Every test: the Swift suites, then the Python interop suites against the sandbox
	@scripts/test.sh

test-swift: ## Only the Swift suites (no dependency install)
	$(SWIFT) test

test-interop: ## Only the Python interop suites (skpy, mattermostdriver) against the sandbox
	@scripts/test.sh --interop-only

demo: build ## The whole product on the embedded sandbox: a scripted conversation and call, printed live
	$(BIN) demo

docs: ## Regenerate completions/ and man/ from the command tree
	$(SWIFT) build --product skypebridge
	$(SWIFT) build --product generate-manual
	$(BIN) --generate-completion-script bash > completions/skypebridge.bash
	$(BIN) --generate-completion-script zsh > completions/_skypebridge
	$(BIN) --generate-completion-script fish > completions/skypebridge.fish
	.build/debug/generate-manual $(BIN) --date $(MAN_DATE) -o man/

# Release builds link the Swift runtime statically and as a non-PIE executable: a PIE of this
# size carries ~125,000 relative relocations that every start applies (~10% of a `send`'s CPU,
# ~6 MB of RSS); shared libraries, stack and heap stay randomised.
RELEASE_FLAGS := -c release --static-swift-stdlib --scratch-path .build-release -Xlinker -no-pie

release: deps ## The single binary: release build with the Swift runtime linked statically
	$(SWIFT) build $(RELEASE_FLAGS) --product skypebridge
	@echo "built $$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/skypebridge"

release-bin: ## Print the release binary's path (after `make release`)
	@echo "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)"

bench: build ## Run every benchmark and write Benchmarks/results/
	@scripts/bench.sh

clean: ## Remove build products
	rm -rf .build .build-release .venv
