# Sourced by bench/load.sh and bench/run.sh.
# list_terms BASE: the published terms as "slug<TAB>title" lines, read off the A-Z index as a
# reader finds them: each letter's pages, or the A-Z page itself when the glossary is small
# enough to be shown whole there.
list_terms() {
  local base="$1" letters letter page
  terms_on() {
    curl -sf "$base$1" | grep -o 'href="/glossary/[^"/]*">[^<]*<' | sed -E 's|href="/glossary/([^"]*)">([^<]*)<|\1\t\2|'
  }
  letters=$(curl -sf "$base/glossary" | grep -o 'href="/glossary/letter/[^"/]*"' | cut -d'"' -f2 | sort -u)
  if [ -z "$letters" ]; then
    terms_on /glossary
  fi
  for letter in $letters; do
    terms_on "$letter"
    for page in $(curl -sf "$base$letter" | grep -o "href=\"$letter/[0-9]*\"" | cut -d'"' -f2 | sort -u); do
      terms_on "$page"
    done
  done
}
