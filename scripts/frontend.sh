#!/usr/bin/env bash
# Installs the front-end packages pinned in src/OpenProbation.Web/package-lock.json (GOV.UK Frontend, MoJ Frontend)
# and copies the built files into src/OpenProbation.Web/wwwroot. The copies are committed, so running the product
# needs no Node.js; CI runs this to prove they come from the pinned packages (git diff shows any drift).
set -euo pipefail
cd "$(dirname "$0")/../src/OpenProbation.Web"

npm ci --no-audit --no-fund --loglevel=error
govuk=node_modules/govuk-frontend/dist/govuk
moj=node_modules/@ministryofjustice/frontend/moj

rm -rf wwwroot/lib wwwroot/assets
mkdir -p wwwroot/lib/govuk wwwroot/lib/moj wwwroot/assets
cp "$govuk"/govuk-frontend.min.css "$govuk"/govuk-frontend.min.js wwwroot/lib/govuk/
cp -r "$govuk"/assets/. wwwroot/assets/
cp "$moj"/moj-frontend.min.css "$moj"/moj-frontend.min.js wwwroot/lib/moj/
cp -r "$moj"/assets/images/. wwwroot/assets/images/
# Source maps point at files we do not ship; drop the comment so browsers do not ask for them.
sed -i -E 's#/\*\# sourceMappingURL=[^*]*\*/##; s#//\# sourceMappingURL=.*$##' wwwroot/lib/govuk/* wwwroot/lib/moj/*
echo "Front-end assets: govuk-frontend $(node -p "require('./$govuk/../../package.json').version"), @ministryofjustice/frontend $(node -p "require('./node_modules/@ministryofjustice/frontend/package.json').version")"
