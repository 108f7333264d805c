"""Named entities as readers mean them: countries (gazetteer fixes, ISO codes, stand-ins), person and
organisation names made canonical (titles off, acronyms and name parts linked)."""
