#!/usr/bin/env bash
# Fetch the Quarto and R Markdown documents: real .qmd and .Rmd files as
# Python projects' Quarto sites and R packages' vignettes ship them
# (docs/precision.md, "Quarto and R Markdown documents"). They are local
# test input only: fetched from the package registries, never committed.
#
#   scripts/fetch-quarto-docs.sh [DIR]     (default: target/quarto-docs)
#
# - PyPI: the sdists of great_tables, pointblank, great-docs, vetiver,
#   quartodoc, plotnine and madly (Quarto blogs, guides and templates);
# - Debian: R packages whose vignettes and tests are R Markdown (brms,
#   loo, rstan, sf, pander, skimr, testthat, viridis, ggraph, bookdown,
#   rmarkdown, pkgdown).
#
# Then: presslint check DIR --ext qmd,rmd,md --fail-on never
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/fetch-common.sh
fetch_into target/quarto-docs "$@"
pypi=https://files.pythonhosted.org/packages
fetch $pypi/54/41/323c0ed560f95c948dbbe3a9dc0fc6056bf518e25dd3daa4367db0d6986d/great_tables-1.1.0.tar.gz \
    847ae518a21f982c19ba6d2b495932bef766241068eded0d6a788a364acdb07d great_tables-1.1.0.tgz
fetch $pypi/9e/f1/1557614a8c755b1042d9952de4400b8b4ca65b0cb9d4743bd37a7e897375/pointblank-1.1.1.tar.gz \
    9966007d7784f16a0a669ae24abf0adc9f2b1117bf1f8bd3c2c849ad9089da2f pointblank-1.1.1.tgz
fetch $pypi/aa/99/d0573f286f3179efe9f3f819bc686e3f2a3c570d3643cb1f1c8979b7a5fc/great_docs-0.17.0.tar.gz \
    98e5408ba1e64a3c8b08a6f6619e2b2d1a83d509b8f97d1477030e3112f6948d great_docs-0.17.0.tgz
fetch $pypi/d3/a2/a4e14ace7ff6eb30f59ef043448918cf117c26928dae8116213e12a86883/vetiver-0.2.6.tar.gz \
    10c04747114e61168fede498fdaf441e78794554433ef66d61ffcda478e1d955 vetiver-0.2.6.tgz
fetch $pypi/ff/b9/0bb44cc62a5d63728d04fd6b1e14bcb64945fabad4aa8c03b9d70315fb06/quartodoc-0.11.1.tar.gz \
    c121626e1a36392d168631f33c4d3e7fd48d185de178859f8eafbda14fbfe92f quartodoc-0.11.1.tgz
fetch $pypi/31/e9/3c74ec617de5799b458520f32be8af08a8d9b132b869860a596bc6e8c20e/plotnine-0.15.9.tar.gz \
    1e128aea448944e26130ec595b36fb3f8711215cc0a1b8d75612e4887566e0d2 plotnine-0.15.9.tgz
fetch $pypi/3a/c0/73216150a3c37658ecfd13704d3633d7024473f23843b35c9aeaebd8237f/madly-0.2.2.tar.gz \
    48154229721d4f116522c6700beeb7ce397c4b8592fc8a5313e0c91514cc5955 madly-0.2.2.tgz
debian=http://deb.debian.org/debian/pool/main/r
deb() { # PACKAGE FILE SHA256
    fetch "$debian/$1/$2" "$3" "$2"
}
deb r-cran-brms r-cran-brms_2.18.0-1_all.deb 082cbcc7d028c4eac45050406160d1f14679c9a17f7180541edc92580e82a142
deb r-cran-loo r-cran-loo_2.5.1-1_all.deb 0adafc8ab309efdf9a465cb68ddd6da04736da410e8709c818dfa59a02c960af
deb r-cran-rstan r-cran-rstan_2.21.7-1_amd64.deb 8fe96a1a82720cf194aa7fd5b5094b2e631d0c06c4fa8fa1a933d3a57b8394ba
deb r-cran-sf r-cran-sf_1.0-9+dfsg-1+b1_amd64.deb c76f3fa97f09f3d171487ed69ae5ee462cebcb0961f3326c7f78dcfc25b4a43d
deb r-cran-pander r-cran-pander_0.6.5+dfsg-3+deb12u1_amd64.deb 27941cd9dc239d9e53c2390441c9a95d11b9d2094e90d48b8eff93ba7412f7fa
deb r-cran-skimr r-cran-skimr_2.1.5+dfsg-1_all.deb 21100387ba74d0d6caa59ad0c278418bef7c24ab571863c73122130f70b0c16c
deb r-cran-testthat r-cran-testthat_3.1.6-1_amd64.deb aa38162fb4cdeb4054acc8237e8c1645bdf1d43360766d2fabd82ac873e5ae05
deb r-cran-viridis r-cran-viridis_0.6.2-1_all.deb 9e8a189b5d3cd66e635a9f2036497260eb15f3e890583a5d8b9a994708371e51
deb r-cran-ggraph r-cran-ggraph_2.1.0+dfsg-1_amd64.deb 5a0ff72387627095a08c67c920afb9e576bb7a79515d8c085b52602fd89468da
deb r-cran-bookdown r-cran-bookdown_0.32+dfsg-1_all.deb 5cdb0c1d469dd4ecf9bcec1683d561c736a9d54c0d12b6397ec66a7aadd9a1c4
deb r-cran-rmarkdown r-cran-rmarkdown_2.20+dfsg-1_all.deb 89abe1e9c0b39e907c6c913987504f74cd2c80670d13a79e9aeb448bcbd84246
deb r-cran-pkgdown r-cran-pkgdown_2.0.7-1_all.deb fae12f286a93ef578ac7acbf10c5466d3278cc443c2a80a1718cec8049f7ef2a

unpack_fetched
touch "$dest/.complete"
echo "$(find "$dest" -iname '*.qmd' -o -iname '*.rmd' | wc -l) Quarto and R Markdown files in $dest"
