// SPDX-License-Identifier: Apache-2.0
#include "cli/cli.h"

#include <iostream>

int main(int argc, char** argv)
{
    return lakeside::cli::runCli(argc, argv, std::cout, std::cerr);
}
