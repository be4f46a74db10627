"""Imports of Ofsted's published data: the national tables of authorities and inspections."""
