#!/usr/bin/env bash
# Fetch the MyST documents: real MyST Markdown as Jupyter Book and
# MyST-Parser (Sphinx) sites write it, from the sdists of the Executable
# Books projects and Sphinx themes on PyPI (docs/precision.md, "MyST
# documents"). They are local test input only: fetched from the package
# registry, never committed.
#
#   scripts/fetch-myst-docs.sh [DIR]     (default: target/myst-docs)
#
# Jupyter Book 2.1.7 (mystmd) and 0.15.1 (Sphinx), sphinx-book-theme,
# pydata-sphinx-theme, MyST-NB, sphinx-design, sphinx-exercise,
# sphinx-proof, sphinx-togglebutton, sphinx-thebe, sphinx-tippy,
# sphinx-external-toc, sphinx-examples, sphinxcontrib-mermaid, ABlog and
# MyST-Parser: their documentation and test books.
#
# Then: presslint check DIR --ext md --fail-on never
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/fetch-common.sh
fetch_into target/myst-docs "$@"
pypi=https://files.pythonhosted.org/packages
fetch $pypi/5f/bf/c9a13513a26a235a11199bec9594989cc9c43c674ead557e953941447465/jupyter_book-2.1.7.tar.gz \
    e58de6026bb362c7e2e20a1703257a830645ea5521ce06a24018711643d203db jupyter_book-2.1.7.tgz
fetch $pypi/bd/b4/ff1abeea67e8cfe0a8c033389f6d1d8b0bfecfd611befb5cbdeab884fce6/myst_nb-1.4.0.tar.gz \
    c145598de62446a6fd009773dd071a40d3b76106ace780de1abdfc6961f614c2 myst_nb-1.4.0.tgz
fetch $pypi/11/51/82c2dff56e171db778dc68bf8d7902fcc8ea1687b67f716baf1abb94cd6a/myst_parser-5.2.0.tar.gz \
    749cc02793f2be6b984b0b59b1fe33b6ed61d77644499b85db436d0d20117fa4 myst_parser-5.2.0.tgz
fetch $pypi/e9/8a/cb008736682b3974cae6925c54939792fe56f5a167e37984cb45d8a85d8a/sphinx_book_theme-1.4.0.tar.gz \
    fee3cd70573d9a8cd4ab380a3cb1f11139c24dcaa2cf47d06d7f924f1b44eaff sphinx_book_theme-1.4.0.tgz
fetch $pypi/ba/8c/bbe097fca7222bbb345e3102d99f773cad77a7871b65f3c476c9fef93e2d/ablog-0.11.13.tar.gz \
    ae990d2c5c495ced6a33e0ec47d34355b828b81b97b6ad3786f682252d1ad36a ablog-0.11.13.tgz
fetch $pypi/b3/1a/e38481ea2cd9988234eeee4dd21bec64f235c78004797e48643592018490/jupyter-book-0.15.1.tar.gz \
    8a1634ec16f7eedee0d116f1e5fb7c48203289ad92da42e09519dc71d956c010 jupyter-book-0.15.1.tgz
fetch $pypi/15/e6/6ec454f930f1d542f1c1d9562d939acc41220408ff996b7c5b3b957fba1d/myst-nb-0.17.2.tar.gz \
    0f61386515fab07c73646adca97fff2f69f41e90d313a260217c5bbe419d858b myst-nb-0.17.2.tgz
fetch $pypi/69/08/ef36c71c85ccd574233bb35e04a9695efecc5d54cb2edae839a5bc58f8ca/pydata_sphinx_theme-0.24.0.tar.gz \
    bc9050daac696ab62c817e324ef29ee43720c2e6068fde809c76a52d4c788ac2 pydata_sphinx_theme-0.24.0.tgz
fetch $pypi/77/19/b5e920bbb6eecd4be19f0f7f796d72deecfe3988d675c6e703d05f2586de/sphinx-examples-0.0.5.tar.gz \
    552772a5e6de97b6ca0930125f6272a9fb7b2d875afdc02c8e2fbec9eaf93ff4 sphinx-examples-0.0.5.tgz
fetch $pypi/b0/c3/5d0f3aff52337edea9fe1d3f35ecba8a235b0490afb185544299a03a97d0/sphinx_design-0.8.0.tar.gz \
    57fa4d96378525122947ab6109c6e490190e3119dc10f3e3adf6b71444bf3bb4 sphinx_design-0.8.0.tgz
fetch $pypi/d1/d5/709f31d46b601caa3301ab8551c67351e1a483105805a6065bf8a033c5f0/sphinx_exercise-1.2.1.tar.gz \
    3cfb46b8fc4bbc8e6955f0064128a54d3f3895579591a5219d891eedf11c7108 sphinx_exercise-1.2.1.tgz
fetch $pypi/c5/f8/85bcd2f1c142e580a1394c18920506d9399b8e8e97e4899bbee9c74a896e/sphinx_external_toc-1.1.0.tar.gz \
    f81833865006f6b4a9b2550a2474a6e3d7e7f2cb23ba23309260577ea65552f6 sphinx_external_toc-1.1.0.tgz
fetch $pypi/a1/8a/1efc6f894aca0dd695e6679a529f7a19d5ff69c069b57d137e634ba90765/sphinx_proof-0.4.0.tar.gz \
    43c7c62f0138444b22b4b85c6a1b90cebbad9cc8d09dc313d1e87d37e16558c0 sphinx_proof-0.4.0.tgz
fetch $pypi/da/fd/926ba4af1eb2708b1ac0fa4376e4bfb11d9a32b2a00e3614137a569c1ddf/sphinx_thebe-0.3.1.tar.gz \
    576047f45560e82f64aa5f15200b1eb094dcfe1c5b8f531a8a65bd208e25a493 sphinx_thebe-0.3.1.tgz
fetch $pypi/1d/2b/411b0a8fdcd6729c0de4ea41fdfa6ac25f5c334ed7a9194075c79f004398/sphinx_tippy-0.4.3.tar.gz \
    255abee0aed8085fdb9ab0cc595cd7a45748ae7f4662156e500a17a3f73ad63d sphinx_tippy-0.4.3.tgz
fetch $pypi/cc/be/169a0b0a8ad9588e8697c85e1d489aaaca7416073c2fc0267c360af5aae9/sphinx_togglebutton-0.4.5.tar.gz \
    c870dfbd3bc6e119b50ff9a37a64f8991902269e856728931c7d89877e8d4b3d sphinx_togglebutton-0.4.5.tgz
fetch $pypi/8c/87/06537dff20aa57df2d0f2afa87edff4afa85dec6f57f03f7acc24f83ff88/sphinxcontrib_mermaid-2.1.1.tar.gz \
    f8d7f1b2f0ad69b7ebdd5cbf532fb4ee107893b5373bc2d0e9634089c0b2cfee sphinxcontrib_mermaid-2.1.1.tgz
unpack_fetched
touch "$dest/.complete"
echo "$(find "$dest" -iname '*.md' | wc -l) Markdown files in $dest"
