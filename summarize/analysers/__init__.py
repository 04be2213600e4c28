"""The analysers: figures, hedges, attributions, sentence salience and injections, found in a text
without any language model; the fitted models they use and the one command that trains them."""
