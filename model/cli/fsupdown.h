// SPDX-License-Identifier: Apache-2.0
#pragma once
// `fs upload` and `fs download` (single objects and -r trees).

#include "commandcontext.h"

#include <string>

namespace lakeside::cli {

struct UploadArgs {
    std::string source;
    std::string uri;
    bool recursive = false;
};

struct DownloadArgs {
    std::string uri;
    std::string dest;
    bool recursive = false;
};

// Uploads a file, or with -r every regular file under a folder (sorted, symlinks
// skipped) below PATH/. Every source is checked before the first upload.
Status runUpload(CommandContext& ctx, const UploadArgs& a);
// Downloads one object, or with -r every object under PATH/ into DEST. Every
// key is checked against DEST (safepath.h) before the first byte is written.
Status runDownload(CommandContext& ctx, const DownloadArgs& a);

} // namespace lakeside::cli
