#!/bin/sh
echo "${name}"
%{ for p in ports ~}
open ${p}
%{ endfor ~}
