# hearsay_embed(TARGET VAR FILE): compiles FILE's bytes into TARGET as
#   extern const std::string_view VAR;   (namespace hearsay::embedded)
# so that the default lexicons travel inside the binary and hearsay works
# from any directory; users still extend them with --lexicon DIR.
function(hearsay_embed target var file)
  set(in "${PROJECT_SOURCE_DIR}/${file}")
  set(out "${CMAKE_BINARY_DIR}/embedded/${var}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${in} -DOUT=${out} -DVAR=${var}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    DEPENDS "${in}" "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
