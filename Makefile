# uvac: `make` builds, `make test` runs the whole suite (root for the kernel tests), `make bench` measures
# spawn latency against peer runtimes (root, under 10 minutes), `make clean`.
# Every target finds a JDK >= 22 by itself (scripts/find-jdk: JAVA_HOME, then /usr/lib/jvm).
SHELL := /bin/bash
JDK := $(shell scripts/find-jdk)
MVN := JAVA_HOME=$(JDK) mvn -B -q
ifeq ($(JDK),)
$(error no JDK >= 22 found; see the message above)
endif

.PHONY: all build test soak bench clean jdk rootfs
all: build

jdk:
	@echo $(JDK)

build:
	@command -v mvn >/dev/null || { echo "make: Maven is missing: apt-get install maven" >&2; exit 1; }
	$(MVN) -DskipTests install
	@scripts/train-aot
	@touch .build-stamp

test:
	@command -v mvn >/dev/null || { echo "make: Maven is missing: apt-get install maven" >&2; exit 1; }
	@command -v gcc >/dev/null || { echo "make test: gcc is needed by the bindings probe: apt-get install gcc" >&2; exit 1; }
	$(MVN) install
	@touch .build-stamp

# The full soak (root, under 15 minutes): 10,000 container lifecycles through the libraries and 100 launchers
# killed with -9 at random points; `make test` runs a quick version of both. Figures: soak/target/soak-figures.txt
# and launcher/target/kill-soak-figures.txt.
SOAK_LIFECYCLES ?= 10000
SOAK_KILLS ?= 100
soak: build
	$(MVN) install -Duvac.soak.lifecycles=$(SOAK_LIFECYCLES) -Duvac.soak.kills=$(SOAK_KILLS) \
	  -Dtest=LifecycleSoakTest -Dit.test=LauncherKillSoakIT -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
	@cat soak/target/soak-figures.txt launcher/target/kill-soak-figures.txt 2>/dev/null || true

# JMH against unshare, bwrap, runc and crun; installs missing peers from Debian's packages; writes
# benchmarks/results/ (JSON, markdown table, PNG chart) and the table in benchmarks/README.md.
bench:
	JAVA_HOME=$(JDK) benchmarks/run-bench

# A small root filesystem for `uva_container run --rootfs rootfs` (busybox-static from Debian, git-ignored).
rootfs:
	scripts/build-rootfs rootfs

clean:
	$(MVN) clean
	rm -f .build-stamp
