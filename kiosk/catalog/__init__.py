"""The standard service catalog and the hall config that points into it.

One catalog, published by the city center, is the single source of materials lists for every
hall (一次性告知); a hall config only says which windows serve which of its categories.
"""
